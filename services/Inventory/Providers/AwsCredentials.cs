namespace IacPlatform.Inventory.Providers;

/// <summary>Seed 001 AWS: access key pair (optionally a session token) and the default region.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, string Region)
    : CloudCredentials;
