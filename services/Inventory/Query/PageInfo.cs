namespace IacPlatform.Inventory.Query;

internal sealed record PageInfo(string? NextCursor, bool HasMore, int Count, int Limit);
