using IacPlatform.Inventory.Features.Resources;

namespace IacPlatform.Inventory.Query;

/// <summary>What a resource query found: one page, the cursor of the next one, the total when asked for it.</summary>
internal sealed record QueryResult(
    IReadOnlyList<ResourceDto> Items, string? NextCursor, bool HasMore, long? Total, double ElapsedMs);
