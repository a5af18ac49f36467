namespace IacPlatform.State.Tfstate;

internal enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
