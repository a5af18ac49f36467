using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>
/// GET /api/v1/resources/{id}/neighbours: the resources within <c>depth</c> hops (1–5) along edges of the given
/// direction and types, with the edges between them; at most <see cref="NeighbourWalk.NodeCap"/> nodes, else
/// <c>truncated</c>.
/// </summary>
internal static class GetNeighbours
{
    public const int MaxDepth = 5;

    public static async Task<Results<Ok<NeighbourGraph>, ApiErrorResult>> Handle(
        Guid id, InventoryDb db, CancellationToken cancellationToken,
        int? depth = null, string? direction = null, string? types = null)
    {
        var resolvedDepth = depth ?? 1;
        if (resolvedDepth is < 1 or > MaxDepth)
        {
            return ApiErrors.Validation("depth", $"depth must be between 1 and {MaxDepth}.");
        }

        if (Directions.Parse(direction, out var error) is not { } resolved)
        {
            return error!;
        }

        var typeFilter = Directions.ParseTypes(types, out error);
        if (error is not null)
        {
            return error;
        }

        var nodes = await NeighbourWalk.RunAsync(
            db, id, resolvedDepth, resolved != Directions.Incoming, resolved != Directions.Outgoing, typeFilter, cancellationToken);
        if (nodes.Count == 0)
        {
            return ApiErrors.NotFound($"Resource '{id}' was not found.");
        }

        var truncated = nodes.Count > NeighbourWalk.NodeCap;
        if (truncated)
        {
            nodes.RemoveRange(NeighbourWalk.NodeCap, nodes.Count - NeighbourWalk.NodeCap);
        }

        var ids = nodes.Select(n => n.Id).ToList();
        var edges = db.Relationships.AsNoTracking().Where(e => ids.Contains(e.SourceId) && ids.Contains(e.TargetId));
        if (typeFilter is not null)
        {
            edges = edges.Where(e => typeFilter.Contains(e.Type));
        }

        var edgeList = await edges.OrderBy(e => e.Id)
            .Select(e => new NeighbourEdge(e.SourceId, e.TargetId, e.Type, e.Attribute)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NeighbourGraph(id, nodes, edgeList, resolvedDepth, truncated));
    }
}
