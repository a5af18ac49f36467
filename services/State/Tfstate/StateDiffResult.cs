namespace IacPlatform.State.Tfstate;

/// <summary>The differences between two states, ordered by address (then deposed key) and by output name.</summary>
internal sealed record StateDiffResult(
    IReadOnlyList<InstanceChange> Instances,
    IReadOnlyList<OutputChange> Outputs,
    StateDiffSummary Summary)
{
    public IEnumerable<InstanceChange> Added => Instances.Where(i => i.Kind == ChangeKind.Added);

    public IEnumerable<InstanceChange> Removed => Instances.Where(i => i.Kind == ChangeKind.Removed);

    public IEnumerable<InstanceChange> Changed => Instances.Where(i => i.Kind == ChangeKind.Changed);
}
