using System.Net;
using IacPlatform.Contracts.Inventory;
using IacPlatform.Drift.Domain;
using IacPlatform.ServiceDefaults.Authentication;
using Refit;
using EngineObserved = IacPlatform.Drift.Engine.ObservedResource;
using WireKey = IacPlatform.Contracts.Inventory.ResourceKey;
using WireObserved = IacPlatform.Contracts.Inventory.ObservedResource;

namespace IacPlatform.Drift.Detection;

/// <summary>
/// The observed side, through Inventory's internal API with this service's token: resources by key (removed ones
/// included: that is how a deleted resource is told from one never seen), one resource by id, an account's live
/// resources. Any answer other than the documented ones fails the job with a message naming Inventory.
/// </summary>
internal sealed class ObservedReader(IInventoryResourcesApi inventory, ServiceTokenSource tokens)
{
    private const int LookupBatch = 10_000;
    private const int PageSize = 10_000;

    public async Task<List<EngineObserved>> LookupAsync(IReadOnlyCollection<CheckKey> keys, CancellationToken cancellationToken)
    {
        var result = new List<EngineObserved>();
        foreach (var chunk in keys.Chunk(LookupBatch))
        {
            var request = new ResourceLookupRequest([.. chunk.Select(k => new WireKey(k.Type, k.NativeId))], IncludeRemoved: true);
            using var response = await inventory.LookupResourcesAsync(request, await BearerAsync(cancellationToken), cancellationToken);
            result.AddRange(Content(response, "resource lookup").Resources.Select(ToEngine));
        }

        return result;
    }

    public async Task<List<EngineObserved>> ListAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var result = new List<EngineObserved>();
        Guid? after = null;
        do
        {
            using var response = await inventory.ListAccountResourcesAsync(accountId, after, PageSize, await BearerAsync(cancellationToken), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return result; // the account was deleted since: nothing of it is live
            }

            var page = Content(response, "account listing");
            result.AddRange(page.Resources.Select(ToEngine));
            after = page.NextAfter;
        }
        while (after is not null);

        return result;
    }

    public async Task<EngineObserved?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await inventory.GetResourceAsync(id, await BearerAsync(cancellationToken), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : ToEngine(Content(response, "resource read"));
    }

    private async Task<string> BearerAsync(CancellationToken cancellationToken) =>
        "Bearer " + await tokens.GetTokenAsync("inventory.read", cancellationToken);

    private static T Content<T>(IApiResponse<T> response, string what) =>
        response is { IsSuccessStatusCode: true, Content: { } content }
            ? content
            : throw new DetectionException($"Inventory answered {(int?)response.StatusCode} to the {what}; the check will run again.");

    private static EngineObserved ToEngine(WireObserved resource) =>
        new(resource.Id, resource.AccountId, resource.Provider, resource.Region, resource.Type, resource.NativeId,
            resource.Name, resource.Tags, resource.Attributes, resource.UpdatedAt, resource.RemovedAt);
}
