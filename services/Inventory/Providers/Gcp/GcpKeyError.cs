namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// One problem with a service account key: <see cref="Field"/> is the key file's member (type, client_email,
/// private_key, private_key_id), "service_account_json" for the document as a whole, or "project_id". The
/// message never quotes the key's values.
/// </summary>
public sealed record GcpKeyError(string Field, string Message);
