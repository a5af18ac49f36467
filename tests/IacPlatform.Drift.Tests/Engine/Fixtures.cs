using System.Text.Json.Nodes;
using IacPlatform.Drift.Engine;
using Shouldly;

namespace IacPlatform.Drift.Tests.Engine;

/// <summary>Builds engine inputs from short JSON literals.</summary>
internal static class Fixtures
{
    public static readonly Guid Account = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static DesiredResource Desired(string address, string type, string id, string attributes = "{}", string workspace = "prod") =>
        new(workspace, address, type, type[..type.IndexOf('_', StringComparison.Ordinal)], id, JsonNode.Parse(attributes)!.AsObject());

    public static ObservedResource Observed(
        string type, string id, string attributes = "{}", Dictionary<string, string>? tags = null, DateTimeOffset? removedAt = null,
        Guid? account = null, string region = "eu-west-1", DateTimeOffset? updatedAt = null) =>
        new(Guid.NewGuid(), account ?? Account, type[..type.IndexOf('_', StringComparison.Ordinal)], region, type, id, id,
            tags ?? [], JsonNode.Parse(attributes)!.AsObject(), updatedAt ?? Now.AddMinutes(-5), removedAt);

    public static DriftContext Context(string checkType = CheckTypes.All, IReadOnlyList<IgnoreRule>? rules = null,
        IReadOnlySet<(string Type, string NativeId)>? managedElsewhere = null) =>
        new(Now, rules ?? [], managedElsewhere ?? new HashSet<(string, string)>(), checkType);

    public static DriftReport Compare(DesiredResource desired, ObservedResource observed, DriftContext? context = null) =>
        DriftEngine.Compare([desired], [observed], context ?? Context());

    /// <summary>The one finding of a one-pair comparison.</summary>
    public static ResourceFinding Single(DesiredResource desired, ObservedResource observed, DriftContext? context = null) =>
        Compare(desired, observed, context).Findings.ShouldHaveSingleItem();

    /// <summary>The differences of one pair as "path kind severity rule" lines.</summary>
    public static string[] Lines(ResourceFinding finding) =>
        [.. finding.Differences.Select(d => $"{d.Path} {d.Kind} {d.Severity} {d.Rule}")];
}
