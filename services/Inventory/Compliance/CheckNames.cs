namespace IacPlatform.Inventory.Compliance;

/// <summary>The checks. The first four are reported for every resource (not_applicable where they mean nothing).</summary>
internal static class CheckNames
{
    public const string EncryptionEnabled = "encryption_enabled";
    public const string BackupEnabled = "backup_enabled";
    public const string MonitoringEnabled = "monitoring_enabled";
    public const string NotPubliclyExposed = "not_publicly_exposed";
    public const string DeletionProtection = "deletion_protection";
    public const string HttpsOnly = "https_only";
    public const string MinTlsVersion = "min_tls_version";
    public const string UniformBucketLevelAccess = "uniform_bucket_level_access";
    public const string PasswordAuthenticationDisabled = "password_authentication_disabled";

    public static readonly IReadOnlyList<string> Core = [EncryptionEnabled, BackupEnabled, MonitoringEnabled, NotPubliclyExposed];
}
