namespace IacPlatform.Inventory.Providers;

/// <summary>
/// Seed 001 GCP: a service account key (client_email, private_key, private_key_id from its JSON) and the
/// project it lists. The key file's own token_uri is ignored: tokens are only asked of the configured endpoint.
/// </summary>
public sealed record GcpCredentials(string ClientEmail, string PrivateKeyPem, string PrivateKeyId, string ProjectId)
    : CloudCredentials;
