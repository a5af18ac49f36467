using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// The environment a resource belongs to, from its tags: the first of <c>environment</c>, <c>env</c>, <c>stage</c>,
/// <c>tier</c> (any letter case) whose value names one — <c>prod</c>/<c>production</c>/<c>prd</c>/<c>live</c> →
/// production, <c>staging</c>/<c>stage</c>/<c>stg</c>/<c>preprod</c>/<c>uat</c> → staging,
/// <c>dev</c>/<c>development</c>/<c>sandbox</c> → development, <c>test</c>/<c>qa</c> → test; a value such as
/// <c>prod-eu</c> is read by its first word. Desired tags win over observed ones.
/// </summary>
internal static class Environments
{
    public const string Production = "production";
    public const string Staging = "staging";
    public const string Development = "development";
    public const string Test = "test";

    private static readonly string[] Keys = ["environment", "env", "stage", "tier"];

    private static readonly FrozenDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["prod"] = Production, ["production"] = Production, ["prd"] = Production, ["live"] = Production,
        ["staging"] = Staging, ["stage"] = Staging, ["stg"] = Staging, ["preprod"] = Staging, ["pre-prod"] = Staging, ["uat"] = Staging,
        ["dev"] = Development, ["development"] = Development, ["develop"] = Development, ["sandbox"] = Development,
        ["test"] = Test, ["testing"] = Test, ["tst"] = Test, ["qa"] = Test,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ValueLookup =
        Values.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string? Of(JsonObject? desiredTags, IReadOnlyDictionary<string, string>? observedTags)
    {
        var best = int.MaxValue;
        string? result = null;
        for (var i = 0; desiredTags is not null && i < desiredTags.Count; i++)
        {
            var (key, value) = desiredTags.GetAt(i);
            Consider(key, value is JsonValue scalar ? JsonScalars.Text(scalar) : null, ref best, ref result);
        }

        if (result is null && observedTags is { Count: > 0 })
        {
            foreach (var (key, value) in observedTags)
            {
                Consider(key, value, ref best, ref result);
            }
        }

        return result;
    }

    /// <summary>The environment a tag value names, or null.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.AsSpan().Trim();
        if (ValueLookup.TryGetValue(text, out var environment))
        {
            return environment;
        }

        var end = text.IndexOfAny('-', '_', ' ');
        return end > 0 && ValueLookup.TryGetValue(text[..end], out environment) ? environment : null;
    }

    private static void Consider(string key, string? value, ref int best, ref string? result)
    {
        if (key.Length is not (3 or 4 or 5 or 11))
        {
            return;
        }

        for (var rank = 0; rank < Keys.Length && rank < best; rank++)
        {
            if (key.Equals(Keys[rank], StringComparison.OrdinalIgnoreCase))
            {
                if (Normalise(value) is { } environment)
                {
                    best = rank;
                    result = environment;
                }

                return;
            }
        }
    }
}
