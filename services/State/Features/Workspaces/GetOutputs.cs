using System.Text.Json.Nodes;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Features.StateFiles;
using IacPlatform.State.Storage;
using IacPlatform.State.Tfstate;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.State.Features.Workspaces;

public sealed record OutputValue(JsonNode? Value, JsonNode? Type, bool Sensitive);

public sealed record OutputsResponse(string Workspace, long Serial, IReadOnlyDictionary<string, OutputValue> Outputs);

/// <summary>The root outputs of the current version (or <c>?serial=</c>); sensitive values are masked.</summary>
internal static class GetOutputs
{
    public static async Task<Results<Ok<OutputsResponse>, ApiErrorResult>> Handle(
        string name, StateReader reader, CancellationToken cancellationToken, long? serial = null)
    {
        var found = await VersionLookup.FindAsync(name, serial, reader, cancellationToken);
        if (found.Error is not null)
        {
            return found.Error;
        }

        var document = TfstateDocument.Parse(await reader.ReadContentAsync(found.Version!, cancellationToken));
        var outputs = document.Outputs.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToDictionary(
            o => o.Name,
            o => new OutputValue(
                AttributeMasker.MaskOutput(o),
                JsonNode.Parse(o.Type.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "null" : o.Type.GetRawText()),
                o.Sensitive),
            StringComparer.Ordinal);
        return TypedResults.Ok(new OutputsResponse(name, found.Version!.Serial, outputs));
    }
}
