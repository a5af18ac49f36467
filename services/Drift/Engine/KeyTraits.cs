namespace IacPlatform.Drift.Engine;

/// <summary>How the comparison treats an attribute key of one resource type.</summary>
[Flags]
internal enum KeyTraits
{
    None = 0,

    /// <summary>Computed, read-only, a timestamp or Terraform-only: never compared.</summary>
    Ignored = 1,

    /// <summary>A list whose order means nothing (a Terraform set): compared as a multiset.</summary>
    SetLike = 2,
}
