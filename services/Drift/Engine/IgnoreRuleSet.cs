namespace IacPlatform.Drift.Engine;

/// <summary>
/// The ignore rules in force at <see cref="DriftContext.Now"/> (expired ones, <c>ExpiresAt ≤ Now</c>, dropped),
/// matched per difference: the workspace (a null rule workspace matches all), the address glob (<c>*</c> any run
/// of characters, <c>?</c> one) and the attribute path pattern (<c>*</c> one segment or, inside a segment, any run
/// of characters in it; a trailing <c>**</c> the path itself and everything below; tried segment by segment, then
/// on the dotted text so a literal tag key with dots also matches). The first matching rule, in the caller's
/// order, is the one reported. Rules apply to attribute differences only, not to missing or unmanaged verdicts.
/// </summary>
internal sealed class IgnoreRuleSet
{
    private readonly IgnoreRule[] rules;
    private readonly string[][] patterns;

    private IgnoreRuleSet(IgnoreRule[] rules)
    {
        this.rules = rules;
        patterns = [.. rules.Select(rule => rule.AttributePath.Split('.'))];
    }

    public bool IsEmpty => rules.Length == 0;

    public static IgnoreRuleSet Create(IReadOnlyList<IgnoreRule> rules, DateTimeOffset now) =>
        new([.. rules.Where(rule => rule.ExpiresAt is null || rule.ExpiresAt > now)]);

    /// <summary>The first rule that ignores the difference at <paramref name="segments"/> of the resource, or null.</summary>
    public Guid? Match(string workspace, string address, string[] segments)
    {
        string? text = null;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if ((rule.Workspace is null || string.Equals(rule.Workspace, workspace, StringComparison.Ordinal))
                && Glob.Matches(rule.AddressPattern, address, starCrossesDots: true)
                && (MatchesSegments(patterns[i], segments)
                    || Glob.Matches(rule.AttributePath, text ??= string.Join('.', segments), starCrossesDots: false)))
            {
                return rule.Id;
            }
        }

        return null;
    }

    private static bool MatchesSegments(string[] pattern, string[] segments)
    {
        var deep = pattern.Length > 0 && pattern[^1] == "**";
        var fixedLength = deep ? pattern.Length - 1 : pattern.Length;
        if (deep ? segments.Length < fixedLength : segments.Length != fixedLength)
        {
            return false;
        }

        for (var i = 0; i < fixedLength; i++)
        {
            if (!Glob.Matches(pattern[i], segments[i], starCrossesDots: true))
            {
                return false;
            }
        }

        return true;
    }
}
