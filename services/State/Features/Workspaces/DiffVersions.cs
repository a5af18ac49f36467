using System.Text.Json;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Storage;
using IacPlatform.State.Tfstate;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Workspaces;

public sealed record AttributeDiff(string Path, JsonElement? Before, JsonElement? After, bool Sensitive);

public sealed record ResourceDiff(string Address, string Type, string? Deposed, IReadOnlyList<AttributeDiff>? Attributes);

public sealed record OutputDiff(string Name, string Change, JsonElement? Before, JsonElement? After, bool Sensitive);

public sealed record DiffSummary(int Added, int Removed, int Changed, int Unchanged, int OutputsAdded, int OutputsRemoved, int OutputsChanged);

public sealed record DiffResponse(
    string Workspace, long? From, long To, DiffSummary Summary,
    IReadOnlyList<ResourceDiff> Added, IReadOnlyList<ResourceDiff> Removed, IReadOnlyList<ResourceDiff> Changed,
    IReadOnlyList<OutputDiff> Outputs);

/// <summary>
/// Resource- and attribute-level differences between any two versions (<c>?from=&amp;to=</c>; by default the
/// current version against the one before it). Sensitive values read "(sensitive value)".
/// </summary>
internal static class DiffVersions
{
    public static async Task<Results<Ok<DiffResponse>, ApiErrorResult>> Handle(
        string name, StateReader reader, StateDb db, CancellationToken cancellationToken, long? from = null, long? to = null)
    {
        var target = await VersionLookup.FindAsync(name, to, reader, cancellationToken);
        if (target.Error is not null)
        {
            return target.Error;
        }

        var toVersion = target.Version!;
        var fromSerial = from ?? await db.Versions.AsNoTracking()
            .Where(v => v.WorkspaceId == toVersion.WorkspaceId && v.Serial < toVersion.Serial)
            .OrderByDescending(v => v.Serial).Select(v => (long?)v.Serial).FirstOrDefaultAsync(cancellationToken);
        TfstateDocument? before = null;
        if (fromSerial is { } wanted)
        {
            var source = await VersionLookup.FindAsync(name, wanted, reader, cancellationToken);
            if (source.Error is not null)
            {
                return source.Error;
            }

            before = TfstateDocument.Parse(await reader.ReadContentAsync(source.Version!, cancellationToken));
        }

        var after = TfstateDocument.Parse(await reader.ReadContentAsync(toVersion, cancellationToken));
        var diff = StateDiff.Compare(before, after);
        var s = diff.Summary;
        return TypedResults.Ok(new DiffResponse(
            name, fromSerial, toVersion.Serial,
            new DiffSummary(s.Added, s.Removed, s.Changed, s.Unchanged, s.OutputsAdded, s.OutputsRemoved, s.OutputsChanged),
            [.. diff.Added.Select(i => new ResourceDiff(i.Address, i.ResourceType, i.Deposed, null))],
            [.. diff.Removed.Select(i => new ResourceDiff(i.Address, i.ResourceType, i.Deposed, null))],
            [.. diff.Changed.Select(i => new ResourceDiff(i.Address, i.ResourceType, i.Deposed,
                [.. i.Attributes.Select(a => new AttributeDiff(a.Path, a.Before, a.After, a.Sensitive))]))],
            [.. diff.Outputs.Select(o => new OutputDiff(o.Name, o.Kind.ToString().ToLowerInvariant(), o.Before, o.After, o.Sensitive))]));
    }
}
