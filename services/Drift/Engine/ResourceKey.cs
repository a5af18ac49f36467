namespace IacPlatform.Drift.Engine;

/// <summary>
/// What matches a desired resource to an observed one: the type (ordinal) and the native id, ignoring letter case
/// (Azure ids come back with their segments re-cased; AWS and GCP ids are lower case anyway).
/// </summary>
internal readonly record struct ResourceKey(string Type, string NativeId)
{
    public static readonly IEqualityComparer<ResourceKey> Comparer = new KeyComparer();

    private sealed class KeyComparer : IEqualityComparer<ResourceKey>
    {
        public bool Equals(ResourceKey x, ResourceKey y) =>
            string.Equals(x.NativeId, y.NativeId, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Type, y.Type, StringComparison.Ordinal);

        // FNV-1a over the id folded to upper case (as OrdinalIgnoreCase folds it): cheaper than the randomised
        // case-insensitive hash on this hot path. The id alone spreads well; Equals settles the rare same id of two types.
        public int GetHashCode(ResourceKey key)
        {
            var hash = 2166136261u;
            foreach (var c in key.NativeId)
            {
                var folded = c <= 'z' ? (c is >= 'a' and <= 'z' ? (uint)(c - 32) : c) : char.ToUpperInvariant(c);
                hash = (hash ^ folded) * 16777619u;
            }

            return (int)hash;
        }
    }
}
