namespace IacPlatform.Bench.Drift;

/// <summary>What the generator did to one resource's observed copy.</summary>
internal enum DriftKind
{
    None,
    AttributeA,
    AttributeB,
    TagChanged,
    TagAdded,
    TagRemoved,
    Missing,
}
