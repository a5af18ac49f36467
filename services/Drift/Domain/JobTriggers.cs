namespace IacPlatform.Drift.Domain;

/// <summary>Why a detection job ran.</summary>
public static class JobTriggers
{
    /// <summary>Someone called <c>POST /api/v1/drift/detect</c>.</summary>
    public const string Manual = "manual";

    /// <summary>A workspace got a new state version.</summary>
    public const string StateVersion = "state_version";

    /// <summary>The inventory saw managed resources change or disappear.</summary>
    public const string ResourceChange = "resource_change";

    /// <summary>The inventory finished a sync of an account that holds managed resources.</summary>
    public const string Sync = "sync";

    /// <summary>The periodic sweep of workspaces not checked for a while.</summary>
    public const string Sweep = "sweep";
}
