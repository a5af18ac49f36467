using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// Compute Engine lists: aggregated (every zone or region of the project in one paged list, keyed
/// "zones/us-central1-a") and global. A scope the API could not reach makes the page partial; the unit then fails
/// instead of yielding a list that would mark that scope's resources removed.
/// </summary>
internal static class GcpAggregatedList
{
    private const string Unreachable = "UNREACHABLE";

    public static async IAsyncEnumerable<(string Location, JsonObject Item)> ListAsync(
        GcpApiClient api, GcpRequestScope scope, Uri computeEndpoint, int pageSize, string collection,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = ProviderEndpoint.Combine(computeEndpoint, $"compute/v1/projects/{scope.ProjectSegment}/aggregated/{collection}?maxResults={pageSize}");
        var operation = $"listing {collection} (aggregated)";
        await foreach (var page in api.PagesAsync(scope, first, operation, cancellationToken))
        {
            EnsureComplete(page, scope, operation);
            foreach (var (key, scoped) in page.Get("items") as JsonObject ?? [])
            {
                foreach (var item in (scoped.Get(collection) as JsonArray ?? []).OfType<JsonObject>())
                {
                    yield return (GcpNames.ScopeLocation(key), item);
                }
            }
        }
    }

    public static async IAsyncEnumerable<JsonObject> ListGlobalAsync(
        GcpApiClient api, GcpRequestScope scope, Uri computeEndpoint, int pageSize, string collection,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = ProviderEndpoint.Combine(computeEndpoint, $"compute/v1/projects/{scope.ProjectSegment}/global/{collection}?maxResults={pageSize}");
        var operation = $"listing {collection}";
        await foreach (var page in api.PagesAsync(scope, first, operation, cancellationToken))
        {
            EnsureComplete(page, scope, operation);
            foreach (var item in (page.Get("items") as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return item;
            }
        }
    }

    private static void EnsureComplete(JsonObject page, GcpRequestScope scope, string operation)
    {
        var unreachable = new List<string>();
        unreachable.AddRange(page.Strings("unreachables").Select(s => s!.GetValue<string>()));
        if (page.Get("warning").Str("code") == Unreachable)
        {
            unreachable.Add(ScopeOf(page.Get("warning")) ?? "(unnamed scope)");
        }

        foreach (var (key, scoped) in page.Get("items") as JsonObject ?? [])
        {
            if (scoped.Get("warning").Str("code") == Unreachable)
            {
                unreachable.Add(ScopeOf(scoped.Get("warning")) ?? key);
            }
        }

        if (unreachable.Count > 0)
        {
            var names = string.Join(", ", unreachable.Distinct(StringComparer.Ordinal).Take(10));
            throw new ProviderException(ProviderErrorKind.Failed,
                $"GCP {scope.Service}: {operation} is partial, {names} could not be reached. The unit fails so nothing there is marked removed.");
        }
    }

    private static string? ScopeOf(JsonNode? warning) =>
        (warning.Get("data") as JsonArray)?.FirstOrDefault(d => d.Str("key") == "scope").Str("value");
}
