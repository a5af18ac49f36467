namespace IacPlatform.State.Tfstate;

/// <summary>Counts of a <see cref="StateDiffResult"/>; instance counts include deposed objects.</summary>
internal sealed record StateDiffSummary(
    int Added,
    int Removed,
    int Changed,
    int Unchanged,
    int OutputsAdded,
    int OutputsRemoved,
    int OutputsChanged)
{
    public bool HasChanges => Added + Removed + Changed + OutputsAdded + OutputsRemoved + OutputsChanged > 0;
}
