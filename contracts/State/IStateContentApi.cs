using Refit;

namespace IacPlatform.Contracts.State;

/// <summary>State's read API for a workspace's state bytes, as other services call it (with a caller's or a service token).</summary>
public interface IStateContentApi
{
    /// <summary>The bytes of one version (200), 404 for an unknown workspace or serial.</summary>
    [Get("/api/v1/terraform/workspaces/{name}/versions/{serial}/content")]
    Task<HttpResponseMessage> GetVersionContentAsync(
        string name, long serial, [Header("Authorization")] string authorization, CancellationToken cancellationToken = default);

    /// <summary>The current state (200), 204 when the workspace is empty, 404 when it does not exist.</summary>
    [Get("/api/v1/terraform/workspaces/{name}/state")]
    Task<HttpResponseMessage> GetCurrentStateAsync(
        string name, [Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
}
