using System.Text.Json.Serialization;

namespace IacPlatform.Inventory.Query;

/// <summary>total_count only when asked for (<c>count_total</c>): counting a large inventory costs a full scan.</summary>
internal sealed record PageMeta(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TotalCount,
    double QueryTimeMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AsOf);
