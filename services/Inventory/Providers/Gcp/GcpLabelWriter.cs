using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IacPlatform.Inventory.Providers.Http;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// Replaces labels in GCP. Both writes are optimistic: an instance's setLabels carries its labelFingerprint and a
/// bucket's PATCH its metageneration; when someone changed the labels meanwhile (412) the current value is read
/// once more and the write retried once.
/// </summary>
internal sealed partial class GcpLabelWriter(GcpApiClient api, GcpProviderOptions settings, ILogger logger)
{
    public async Task WriteInstanceLabelsAsync(
        GcpRequestScope scope, ResourceLocator resource, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var match = InstanceId().Match(resource.NativeId);
        if (!match.Success || match.Groups["project"].Value != scope.Project)
        {
            throw NotInProject(resource);
        }

        var instance = ProviderEndpoint.Combine(settings.ComputeEndpoint,
            $"compute/v1/projects/{scope.ProjectSegment}/zones/{match.Groups["zone"].Value}/instances/{match.Groups["name"].Value}");
        var setLabels = new Uri(instance.AbsoluteUri + "/setLabels");
        var fingerprint = StoredFingerprint(resource.Attributes) ?? await FingerprintAsync(scope, instance, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var body = new JsonObject { ["labels"] = ProviderJson.ToObject(labels), ["labelFingerprint"] = fingerprint };
            var (status, operation) = await api.SendAllowingAsync(scope, HttpMethod.Post, setLabels, body,
                "setting instance labels", HttpStatusCode.PreconditionFailed, cancellationToken);
            if (status != HttpStatusCode.PreconditionFailed)
            {
                EnsureOperationSucceeded(operation, scope);
                return;
            }

            if (attempt > 1)
            {
                throw new ProviderException(ProviderErrorKind.Failed,
                    $"GCP {scope.Service}: the labels of {resource.NativeId} kept changing while they were written (412 twice).");
            }

            GcpLog.FingerprintStale(logger, scope.Service, resource.NativeId);
            fingerprint = await FingerprintAsync(scope, instance, cancellationToken);
        }
    }

    /// <summary>PATCH merges labels, so labels to drop are sent as null; the current set is read first.</summary>
    public async Task WriteBucketLabelsAsync(
        GcpRequestScope scope, ResourceLocator resource, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        if (!BucketName().IsMatch(resource.NativeId))
        {
            throw NotInProject(resource);
        }

        var bucket = ProviderEndpoint.Combine(settings.StorageEndpoint, $"storage/v1/b/{Uri.EscapeDataString(resource.NativeId)}");
        for (var attempt = 1; ; attempt++)
        {
            var current = await api.SendAsync(scope, HttpMethod.Get, new Uri(bucket.AbsoluteUri + "?fields=labels,metageneration"), null,
                "reading bucket labels", cancellationToken);
            var patch = ProviderJson.ToObject(labels);
            foreach (var key in current.StringMap("labels").Keys.Where(key => !labels.ContainsKey(key)))
            {
                patch[key] = null;
            }

            var generation = current.Long("metageneration");
            var target = new Uri(bucket.AbsoluteUri + "?fields=labels,metageneration" +
                (generation is null ? "" : $"&ifMetagenerationMatch={generation}"));
            var (status, _) = await api.SendAllowingAsync(scope, HttpMethod.Patch, target, new JsonObject { ["labels"] = patch },
                "setting bucket labels", HttpStatusCode.PreconditionFailed, cancellationToken);
            if (status != HttpStatusCode.PreconditionFailed)
            {
                return;
            }

            if (attempt > 1)
            {
                throw new ProviderException(ProviderErrorKind.Failed,
                    $"GCP {scope.Service}: bucket {resource.NativeId} kept changing while its labels were written (412 twice).");
            }

            GcpLog.FingerprintStale(logger, scope.Service, resource.NativeId);
        }
    }

    private async Task<string> FingerprintAsync(GcpRequestScope scope, Uri instance, CancellationToken cancellationToken)
    {
        var current = await api.SendAsync(scope, HttpMethod.Get, new Uri(instance.AbsoluteUri + "?fields=labelFingerprint"), null,
            "reading the instance's label fingerprint", cancellationToken);
        return current.Str("labelFingerprint")
            ?? throw new ProviderException(ProviderErrorKind.Failed, $"GCP {scope.Service}: the instance has no label fingerprint.");
    }

    private static string? StoredFingerprint(string attributes)
    {
        try
        {
            return JsonNode.Parse(attributes).Str("label_fingerprint");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>setLabels answers with an Operation; one that already finished with errors is a failed write.</summary>
    private static void EnsureOperationSucceeded(JsonObject? operation, GcpRequestScope scope)
    {
        var errors = operation.Get("error").Get("errors") as JsonArray;
        if (errors is { Count: > 0 })
        {
            var first = errors[0];
            throw new ProviderException(ProviderErrorKind.Failed,
                $"GCP {scope.Service}: setting instance labels failed ({first.Str("code")}: {first.Str("message")}).");
        }
    }

    private static ProviderException NotInProject(ResourceLocator resource) => new(ProviderErrorKind.Unsupported,
        $"{resource.Type} id '{resource.NativeId}' is not a resource of this account's project; no labels were written.");

    [GeneratedRegex("^projects/(?<project>[a-z0-9.:-]+)/zones/(?<zone>[a-z0-9-]+)/instances/(?<name>[a-z]([-a-z0-9]{0,61}[a-z0-9])?)$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();
}
