namespace IacPlatform.Inventory.Features.Resources;

/// <summary>Seed 000's list: <c>{"resources", "total", "limit", "offset"}</c>; items are ResourceDto or sparse objects.</summary>
internal sealed record ListResourcesResponse(IReadOnlyList<object> Resources, long Total, int Limit, int Offset);
