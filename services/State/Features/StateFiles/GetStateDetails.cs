using System.Text.Json.Nodes;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Features.Workspaces;
using IacPlatform.State.Storage;
using IacPlatform.State.Tfstate;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IacPlatform.State.Features.StateFiles;

/// <summary>
/// A state file's resources (type, name, provider, cloud id, attributes with sensitive values masked) and
/// outputs. Resources are paged (<c>limit</c>/<c>offset</c>, filter <c>type</c>) since states run to 10,000+.
/// </summary>
internal static class GetStateDetails
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5000;

    public static async Task<Results<Ok<StateFileDetails>, ApiErrorResult>> Handle(
        StateReader reader, CancellationToken cancellationToken,
        [FromQuery(Name = "state_id")] Guid? stateIdValue = null, long? serial = null, string? type = null, int? limit = null, int? offset = null)
    {
        if (stateIdValue is not { } stateId)
        {
            return ApiErrors.Validation("state_id", "state_id is required.");
        }

        if (limit is < 1 or > MaxLimit || offset is < 0)
        {
            return ApiErrors.Validation("limit", $"limit must be between 1 and {MaxLimit} and offset not negative.");
        }

        var workspace = await reader.FindWorkspaceAsync(stateId, cancellationToken);
        if (workspace is null)
        {
            return ApiErrors.NotFound($"State file {stateId} does not exist.");
        }

        var found = await VersionLookup.FindAsync(workspace.Name, serial, reader, cancellationToken);
        if (found.Error is not null)
        {
            return found.Error;
        }

        var document = TfstateDocument.Parse(await reader.ReadContentAsync(found.Version!, cancellationToken));
        var instances = document.Resources
            .SelectMany(r => r.Instances.Select(i => (Resource: r, Instance: i)))
            .Where(x => type is null || string.Equals(x.Resource.Type, type, StringComparison.Ordinal))
            .ToList();
        var take = limit ?? DefaultLimit;
        var skip = offset ?? 0;
        var resources = instances.Skip(skip).Take(take).Select(x => ToResource(workspace.Id, x.Resource, x.Instance)).ToList();
        var outputs = document.Outputs.Values.ToDictionary(
            o => o.Name,
            AttributeMasker.MaskOutput,
            StringComparer.Ordinal);
        return TypedResults.Ok(new StateFileDetails(
            workspace.Id, StateFileIds.PlatformBackendId, ListStateFiles.PathOf(workspace), workspace.Name, found.Version!.Serial,
            document.Lineage, document.TerraformVersion, resources, instances.Count, take, skip, outputs, document.HasFailedChecks));
    }

    private static StateResource ToResource(Guid workspaceId, TfstateResource resource, TfstateInstance instance)
    {
        var address = instance.Address.ToString();
        var attributes = instance.Attributes is not null
            ? AttributeMasker.Mask(instance.Attributes, instance.SensitivePaths)
            : AttributeMasker.Mask(instance.AttributesFlat, instance.SensitivePaths);
        return new StateResource(
            StateFileIds.ResourceId(workspaceId, address), address, resource.Mode.ToString().ToLowerInvariant(), resource.Type,
            resource.Name, resource.Module.IsRoot ? null : resource.Module.ToString(), resource.Provider.ShortName, resource.Provider.Raw,
            instance.Key.ToJsonNode(), instance.CloudId, instance.Status, instance.Deposed,
            [.. instance.Dependencies.Concat(instance.DependsOn).Distinct(StringComparer.Ordinal)], attributes);
    }
}
