namespace IacPlatform.State.Domain.Backends;

/// <summary>What a backend configuration value must look like.</summary>
public enum ConfigKeyKind
{
    Text,
    Flag,
    Url,
    HttpMethod,
    Uuid,
    JsonObject,
    AwsRegion,
    S3Bucket,
    GcsBucket,
    AzureStorageAccount,
    AzureContainer,
}
