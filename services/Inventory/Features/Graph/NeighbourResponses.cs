namespace IacPlatform.Inventory.Features.Graph;

/// <summary>A resource of a neighbourhood and its distance in hops from the root (the root has depth 0).</summary>
internal sealed record NeighbourNode(Guid Id, string Name, string Type, string Category, string Provider, int Depth);

internal sealed record NeighbourEdge(Guid Source, Guid Target, string Type, string Attribute);

internal sealed record NeighbourGraph(
    Guid Root, IReadOnlyList<NeighbourNode> Nodes, IReadOnlyList<NeighbourEdge> Edges, int Depth, bool Truncated);
