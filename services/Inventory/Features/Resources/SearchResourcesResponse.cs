namespace IacPlatform.Inventory.Features.Resources;

/// <summary>Seed 000's search answer <c>{"resources", "total", "query"}</c>, with the list's limit and offset.</summary>
internal sealed record SearchResourcesResponse(IReadOnlyList<ResourceDto> Resources, long Total, string Query, int Limit, int Offset);
