using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>GET /api/v1/resources/{id}/relationships: the resource's direct edges, both directions by default.</summary>
internal static class ListRelationships
{
    public static async Task<Results<Ok<RelationshipList>, ApiErrorResult>> Handle(
        Guid id, HttpResponse response, InventoryDb db, CancellationToken cancellationToken,
        string? direction = null, string? types = null, int? limit = null, int? offset = null, int? skip = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging
            || Directions.Parse(direction, out error) is not { } resolved)
        {
            return error!;
        }

        var typeFilter = Directions.ParseTypes(types, out error);
        if (error is not null)
        {
            return error;
        }

        if (!await db.Resources.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return ApiErrors.NotFound($"Resource '{id}' was not found.");
        }

        var outgoing = resolved != Directions.Incoming;
        var incoming = resolved != Directions.Outgoing;
        var edges = db.Relationships.AsNoTracking()
            .Where(e => (outgoing && e.SourceId == id) || (incoming && e.TargetId == id));
        if (typeFilter is not null)
        {
            edges = edges.Where(e => typeFilter.Contains(e.Type));
        }

        var rows = edges.Join(db.Resources, e => e.SourceId == id ? e.TargetId : e.SourceId, r => r.Id, (e, r) => new
        {
            e.Id,
            e.Type,
            Direction = e.SourceId == id ? Directions.Outgoing : Directions.Incoming,
            e.Attribute,
            Target = r.Id,
            TargetName = r.Name,
            TargetType = r.Type,
            TargetCategory = r.Category,
            e.DerivedAt,
        });
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(x => x.Direction).ThenBy(x => x.Type).ThenBy(x => x.TargetName).ThenBy(x => x.Id)
            .Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        paging.WriteHeaders(response, total);
        return TypedResults.Ok(new RelationshipList(
            id,
            [.. page.Select(x => new RelationshipResponse(
                x.Id, x.Type, x.Direction, x.Attribute, x.Target, x.TargetName, x.TargetType, x.TargetCategory, x.DerivedAt))],
            total, paging.Limit, paging.Offset));
    }
}
