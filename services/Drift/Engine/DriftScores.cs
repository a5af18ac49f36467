namespace IacPlatform.Drift.Engine;

/// <summary>
/// Drift scores. A resource scores <c>1 − Π(1 − wᵢ)</c> over its counted differences (a missing or unmanaged
/// resource: over its one verdict), with weights critical 1.0, high 0.7, medium 0.4, low 0.15: 0 when in sync, 1
/// as soon as anything is critical, and more differences never lower it. A workspace scores the mean of its
/// managed resources' scores (in sync, drifted and missing; not unmanaged or not observed ones), so it reads as
/// "how far the average managed resource has drifted". Both are rounded to 4 decimals.
/// </summary>
internal static class DriftScores
{
    public static double Weight(string severity) => severity switch
    {
        Severities.Critical => 1.0,
        Severities.High => 0.7,
        Severities.Medium => 0.4,
        Severities.Low => 0.15,
        _ => 0,
    };

    public static double Resource(IReadOnlyList<AttributeDifference> differences)
    {
        var keep = 1.0;
        foreach (var difference in differences)
        {
            keep *= 1 - Weight(difference.Severity);
        }

        return Round(1 - keep);
    }

    public static double Round(double score) => Math.Round(score, 4, MidpointRounding.AwayFromZero);
}
