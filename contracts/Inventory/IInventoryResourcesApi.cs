using Refit;

namespace IacPlatform.Contracts.Inventory;

/// <summary>
/// Inventory's internal read API of observed resources (<c>/internal/v1</c>, never routed by the gateway), as other
/// services call it with a token carrying <c>inventory.read</c> (<c>"Bearer …"</c>). Register it with
/// <c>services.AddServiceClient&lt;IInventoryResourcesApi&gt;("inventory")</c>. Answers are <see cref="IApiResponse{T}"/>:
/// Refit does not throw for 4xx/5xx, the caller checks <c>IsSuccessfulWithContent</c> / <c>StatusCode</c> (and
/// disposes it); <c>HasResponseError(out var error)</c> gives the platform error body as <c>error.Content</c>.
/// </summary>
public interface IInventoryResourcesApi
{
    /// <summary>
    /// Every resource of any account whose (type, native_id) is among <paramref name="request"/>'s keys (at most
    /// 10,000; removed ones only with include_removed). 400 VALIDATION_ERROR for too many or malformed keys.
    /// </summary>
    [Post("/internal/v1/resources/lookup")]
    Task<IApiResponse<ResourceLookupResponse>> LookupResourcesAsync(
        [Body] ResourceLookupRequest request, [Header("Authorization")] string authorization, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of an account's live resources ordered by id, after <paramref name="after"/> (exclusive);
    /// <paramref name="limit"/> 1–10,000, default 1,000. Pass the page's <c>NextAfter</c> until it is null.
    /// 404 RESOURCE_NOT_FOUND for an unknown or deleted account, 400 for a bad limit.
    /// </summary>
    [Get("/internal/v1/accounts/{accountId}/resources")]
    Task<IApiResponse<AccountResourcesPage>> ListAccountResourcesAsync(
        Guid accountId, Guid? after, int? limit, [Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);

    /// <summary>One resource, removed ones included (200); 404 RESOURCE_NOT_FOUND when there is none.</summary>
    [Get("/internal/v1/resources/{id}")]
    Task<IApiResponse<ObservedResource>> GetResourceAsync(
        Guid id, [Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
}
