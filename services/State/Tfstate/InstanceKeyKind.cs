namespace IacPlatform.State.Tfstate;

internal enum InstanceKeyKind
{
    /// <summary>A single instance: no count or for_each.</summary>
    None,

    /// <summary>A count index, written <c>[0]</c>.</summary>
    Int,

    /// <summary>A for_each key, written <c>["blue"]</c>.</summary>
    String,
}
