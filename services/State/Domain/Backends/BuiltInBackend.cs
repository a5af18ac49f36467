namespace IacPlatform.State.Domain.Backends;

/// <summary>
/// This service itself as a Terraform <c>http</c> backend: always present, never deleted, with a fixed id so that
/// <c>backend_id</c> filters can name it in every deployment.
/// </summary>
public static class BuiltInBackend
{
    /// <summary><c>01900000-0000-7000-8000-000000000001</c>, documented and stable across deployments.</summary>
    public static readonly Guid Id = new("01900000-0000-7000-8000-000000000001");

    public const string Name = "iacplatform";

    public const string Type = BackendTypes.Http;

    /// <summary>The routes of the http backend, relative to the public base URL (which only a request or configuration knows).</summary>
    public const string StatePath = "/api/v1/terraform/workspaces/{workspace}/state";

    public const string LockPath = "/api/v1/terraform/workspaces/{workspace}/lock";

    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The configuration Terraform needs, with <paramref name="publicBase"/> (no trailing slash) in front of every path.</summary>
    public static IReadOnlyDictionary<string, string> Config(string publicBase) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["address"] = publicBase + StatePath,
        ["lock_address"] = publicBase + LockPath,
        ["unlock_address"] = publicBase + LockPath,
        ["lock_method"] = "LOCK",
        ["unlock_method"] = "UNLOCK",
        ["update_method"] = "POST",
    };
}
