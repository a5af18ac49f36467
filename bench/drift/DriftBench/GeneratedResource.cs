namespace IacPlatform.Bench.Drift;

/// <summary>One generated resource instance: what the state says, and how its observed copy deviates.</summary>
internal sealed record GeneratedResource(
    int Index, BenchType Type, string NativeId, string Name, string Environment, string Team, string Service, Guid AccountId,
    string Region, DriftKind Drift)
{
    public string TypeName => BenchTypes.Name(Type);

    public string Provider => BenchTypes.Provider(Type);

    /// <summary>A stable pseudo-random number for picking values (the same in every run and in both copies).</summary>
    public int Pick(int salt, int count) => (int)(Mix((ulong)Index * 31 + (ulong)salt) % (ulong)count);

    // SplitMix64's finaliser: deterministic, unlike HashCode.
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
