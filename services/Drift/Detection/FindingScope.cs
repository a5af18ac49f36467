using IacPlatform.Drift.Domain;

namespace IacPlatform.Drift.Detection;

/// <summary>
/// What a check covered, so that tracked findings inside it and absent from its report are resolved, and nothing
/// outside it is touched: a whole workspace (with the accounts whose unmanaged resources it listed), or some keys.
/// </summary>
internal sealed record FindingScope(string? Workspace, IReadOnlySet<Guid> ListedAccounts, IReadOnlySet<CheckKey>? Keys)
{
    public static FindingScope ForWorkspace(string workspace, IReadOnlySet<Guid> listedAccounts) => new(workspace, listedAccounts, null);

    public static FindingScope ForKeys(IReadOnlySet<CheckKey> keys) => new(null, new HashSet<Guid>(), keys);
}
