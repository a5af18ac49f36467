using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Domain.Backends;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Backends;

/// <summary>Providers default to all of iacplatform, aws, azure, gcp; regions narrow the regional APIs (aws: us-east-1 by default).</summary>
public sealed record DiscoverBackendsRequest(IReadOnlyList<string>? Providers, IReadOnlyList<string>? Regions);

/// <summary>
/// Finds backends: this service's own always; cloud buckets would need a cloud account's credentials, so for each
/// cloud the provider's API is tried through the outbound guard and the answer (or the reason there is none) is
/// reported per provider.
/// </summary>
internal static class DiscoverBackends
{
    public static async Task<Results<Ok<DiscoveryResponse>, ApiErrorResult>> Handle(
        DiscoverBackendsRequest? request, HttpRequest httpRequest, StateDb db, BackendTester tester, IOptions<StateBackendsOptions> options,
        CancellationToken cancellationToken)
    {
        var providers = request?.Providers is { Count: > 0 } given ? given : DiscoveryTargets.Providers;
        var regions = request?.Regions ?? [];
        var errors = new List<FieldError>();
        for (var i = 0; i < providers.Count; i++)
        {
            if (!DiscoveryTargets.Providers.Contains(providers[i]))
            {
                errors.Add(new($"providers[{i}]", $"'{providers[i]}' is not a provider; use {string.Join(", ", DiscoveryTargets.Providers)}."));
            }
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i] is null || !providers.Any(p => DiscoveryTargets.IsRegionOf(p, regions[i])))
            {
                errors.Add(new($"regions[{i}]", $"'{regions[i]}' is not a region of {string.Join(" or ", providers)}."));
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The discovery request is invalid.", errors);
        }

        var probes = new List<(string Provider, string? Region, ProbeRequest Probe)>();
        foreach (var provider in providers.Distinct().Where(p => p != DiscoveryTargets.Platform))
        {
            // Only S3's API is regional; Cloud Storage and Resource Manager list everything from one endpoint.
            List<string?> targets = provider == DiscoveryTargets.Aws
                ? [.. regions.Where(r => DiscoveryTargets.IsRegionOf(provider, r)).Distinct().DefaultIfEmpty("us-east-1")]
                : [null];
            probes.AddRange(targets.Select(region => (provider, region, DiscoveryTargets.Probe(provider, region))));
        }

        // In parallel, each bounded by State:Backends:TestTimeout (ReachAsync does not touch the DbContext).
        var results = await Task.WhenAll(probes.Select(p => tester.ReachAsync(p.Probe, cancellationToken)));
        var failures = probes.Zip(results, (p, result) => new DiscoveryError(p.Provider, p.Region, result.Message)).ToList();

        var found = new List<BackendResponse>();
        if (providers.Contains(DiscoveryTargets.Platform))
        {
            var builtIn = await db.Backends.AsNoTracking().SingleAsync(b => b.Id == BuiltInBackend.Id, cancellationToken);
            found.Add(builtIn.ToResponse(BackendMapping.PublicBase(httpRequest, options)));
        }

        return TypedResults.Ok(new DiscoveryResponse(found.Count, found, failures));
    }
}
