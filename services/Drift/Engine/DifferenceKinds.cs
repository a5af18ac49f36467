namespace IacPlatform.Drift.Engine;

/// <summary>Values of <see cref="AttributeDifference.Kind"/>.</summary>
public static class DifferenceKinds
{
    /// <summary>Both sides set, to different values.</summary>
    public const string Changed = "changed";

    /// <summary>Only the observed side has a value (the desired one is absent, null or empty).</summary>
    public const string Added = "added";

    /// <summary>Only the desired side has a value.</summary>
    public const string Removed = "removed";
}
