namespace IacPlatform.State.Domain.Backends;

/// <summary>The Terraform backend types the registry knows, with the configuration each accepts.</summary>
public static class BackendTypes
{
    public const string Http = "http";
    public const string S3 = "s3";
    public const string Gcs = "gcs";
    public const string AzureRm = "azurerm";

    public static IReadOnlyList<string> All { get; } = [Http, S3, Gcs, AzureRm];

    private static readonly Dictionary<string, BackendSchema> Schemas = new(StringComparer.Ordinal)
    {
        [Http] = new(Http,
        [
            new("address", ConfigKeyKind.Url, Required: true),
            new("lock_address", ConfigKeyKind.Url),
            new("unlock_address", ConfigKeyKind.Url),
            new("update_method", ConfigKeyKind.HttpMethod),
            new("lock_method", ConfigKeyKind.HttpMethod),
            new("unlock_method", ConfigKeyKind.HttpMethod),
            new("username", ConfigKeyKind.Text),
            new("password", ConfigKeyKind.Text, Secret: true),
        ]),
        [S3] = new(S3,
        [
            new("bucket", ConfigKeyKind.S3Bucket, Required: true),
            new("key", ConfigKeyKind.Text, Required: true),
            new("region", ConfigKeyKind.AwsRegion, Required: true),
            new("endpoint", ConfigKeyKind.Url),
            new("dynamodb_table", ConfigKeyKind.Text),
            new("encrypt", ConfigKeyKind.Flag),
            new("kms_key_id", ConfigKeyKind.Text),
            new("workspace_key_prefix", ConfigKeyKind.Text),
            new("use_path_style", ConfigKeyKind.Flag),
            new("access_key", ConfigKeyKind.Text, Secret: true),
            new("secret_key", ConfigKeyKind.Text, Secret: true),
            new("session_token", ConfigKeyKind.Text, Secret: true),
        ]),
        [Gcs] = new(Gcs,
        [
            new("bucket", ConfigKeyKind.GcsBucket, Required: true),
            new("prefix", ConfigKeyKind.Text),
            new("credentials", ConfigKeyKind.JsonObject, Secret: true),
        ]),
        [AzureRm] = new(AzureRm,
        [
            new("storage_account_name", ConfigKeyKind.AzureStorageAccount, Required: true),
            new("container_name", ConfigKeyKind.AzureContainer, Required: true),
            new("key", ConfigKeyKind.Text, Required: true),
            new("resource_group_name", ConfigKeyKind.Text),
            new("subscription_id", ConfigKeyKind.Uuid),
            new("tenant_id", ConfigKeyKind.Uuid),
            new("client_id", ConfigKeyKind.Uuid),
            new("use_azuread_auth", ConfigKeyKind.Flag),
            new("access_key", ConfigKeyKind.Text, Secret: true),
            new("sas_token", ConfigKeyKind.Text, Secret: true),
            new("client_secret", ConfigKeyKind.Text, Secret: true),
        ]),
    };

    public static BackendSchema? SchemaOf(string? type) => type is not null && Schemas.TryGetValue(type, out var schema) ? schema : null;
}
