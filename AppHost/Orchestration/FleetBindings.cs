namespace IacPlatform.AppHost.Orchestration;

/// <summary>Everything the environment of a project is computed from: addresses, connection strings, secrets.</summary>
internal sealed class FleetBindings
{
    /// <summary>By infrastructure resource name (postgres = admin, messaging, cache) and by database name (identitydb, ...).</summary>
    public required IReadOnlyDictionary<string, string> ConnectionStrings { get; init; }

    /// <summary>Base URL of each project, e.g. identity → http://127.0.0.1:40123.</summary>
    public required IReadOnlyDictionary<string, Uri> ProjectUrls { get; init; }

    public required SecretStore Secrets { get; init; }

    public string AdminUserName { get; init; } = "admin";

    public required string AdminPassword { get; init; }

    public string EnvironmentName { get; init; } = "Development";

    public string? OtlpEndpoint { get; init; }

    public static string ClientSecretKey(string project) => $"client:{project}";

    public const string SigningKeyKey = "identity:signing-key";
    public const string EncryptionKeyKey = "identity:encryption-key";
    public const string AdminPasswordKey = "identity:admin-password";
}
