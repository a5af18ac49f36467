using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Compares two states instance by instance and output by output. Values that either side marks sensitive (an
/// instance's <c>sensitive_attributes</c>, an output's <c>sensitive</c>) never appear in the result: they read
/// "(sensitive value)", so a diff can be shown to anyone allowed to see the state's shape.
/// </summary>
internal static class StateDiff
{
    public const string SensitiveText = "(sensitive value)";

    private static readonly JsonElement Masked = TfstateJson.StringElement(SensitiveText);

    /// <param name="from">The older state; null compares against nothing, so every instance and output is added.</param>
    public static StateDiffResult Compare(TfstateDocument? from, TfstateDocument to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var before = Index(from);
        var after = Index(to);
        var changes = new List<InstanceChange>();
        var unchanged = 0;
        foreach (var ((address, deposed), instance) in after)
        {
            if (!before.TryGetValue((address, deposed), out var old))
            {
                changes.Add(new InstanceChange(address, deposed, ChangeKind.Added, instance.Address.Type, []));
                continue;
            }

            var attributes = CompareAttributes(old, instance);
            if (attributes.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changes.Add(new InstanceChange(address, deposed, ChangeKind.Changed, instance.Address.Type, attributes));
            }
        }

        changes.AddRange(before.Where(b => !after.ContainsKey(b.Key))
            .Select(b => new InstanceChange(b.Key.Address, b.Key.Deposed, ChangeKind.Removed, b.Value.Address.Type, [])));
        changes.Sort((a, b) => string.CompareOrdinal(a.Address, b.Address) is var order and not 0
            ? order
            : string.CompareOrdinal(a.Deposed, b.Deposed));

        var outputs = CompareOutputs(from?.Outputs, to.Outputs);
        var summary = new StateDiffSummary(
            changes.Count(c => c.Kind == ChangeKind.Added), changes.Count(c => c.Kind == ChangeKind.Removed),
            changes.Count(c => c.Kind == ChangeKind.Changed), unchanged,
            outputs.Count(o => o.Kind == ChangeKind.Added), outputs.Count(o => o.Kind == ChangeKind.Removed),
            outputs.Count(o => o.Kind == ChangeKind.Changed));
        return new StateDiffResult(changes, outputs, summary);
    }

    private static Dictionary<(string Address, string? Deposed), TfstateInstance> Index(TfstateDocument? document)
    {
        var index = new Dictionary<(string, string?), TfstateInstance>();
        foreach (var instance in document?.Instances ?? [])
        {
            index.TryAdd((instance.Address.ToString(), instance.Deposed), instance);
        }

        return index;
    }

    private static List<AttributeChange> CompareAttributes(TfstateInstance before, TfstateInstance after)
    {
        // Most instances are untouched between two versions; comparing the raw trees first skips flattening them.
        if (before.Attributes is { } a && after.Attributes is { } b && JsonElement.DeepEquals(a, b)
            && before.AttributesFlat is null && after.AttributesFlat is null)
        {
            return [];
        }

        var old = before.FlattenAttributes();
        var now = after.FlattenAttributes();
        var sensitive = before.SensitivePaths.Concat(after.SensitivePaths).Distinct(StringComparer.Ordinal).ToList();
        var changes = new List<AttributeChange>();
        foreach (var path in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            JsonElement? was = old.TryGetValue(path, out var w) ? w : null;
            JsonElement? @is = now.TryGetValue(path, out var i) ? i : null;
            if (was is { } x && @is is { } y && JsonElement.DeepEquals(x, y))
            {
                continue;
            }

            var masked = SensitivePaths.IsSensitive(path, sensitive);
            changes.Add(masked
                ? new AttributeChange(path, was is null ? null : Masked, @is is null ? null : Masked, true)
                : new AttributeChange(path, was, @is, false));
        }

        return changes;
    }

    private static List<OutputChange> CompareOutputs(IReadOnlyDictionary<string, TfstateOutput>? before, IReadOnlyDictionary<string, TfstateOutput> after)
    {
        before ??= new Dictionary<string, TfstateOutput>();
        var changes = new List<OutputChange>();
        foreach (var name in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = before.GetValueOrDefault(name);
            var @is = after.GetValueOrDefault(name);
            var kind = was is null ? ChangeKind.Added : @is is null ? ChangeKind.Removed : ChangeKind.Changed;
            if (kind == ChangeKind.Changed && Same(was!.Value, @is!.Value) && was.Sensitive == @is.Sensitive)
            {
                continue;
            }

            var sensitive = (was?.Sensitive ?? false) || (@is?.Sensitive ?? false);
            changes.Add(new OutputChange(name, kind,
                was is null ? null : sensitive ? Masked : was.Value,
                @is is null ? null : sensitive ? Masked : @is.Value,
                sensitive));
        }

        return changes;
    }

    // An output written without a value (hand-edited states) has an undefined element, which DeepEquals rejects.
    private static bool Same(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Undefined || b.ValueKind == JsonValueKind.Undefined
            ? a.ValueKind == b.ValueKind
            : JsonElement.DeepEquals(a, b);
}
