using IacPlatform.Inventory.Data;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Internal;

/// <summary>One resource in the internal shape, removed ones included (a caller holding an id wants to see that it went).</summary>
internal static class GetObservedResource
{
    public static async Task<Results<ObservedResourcesResult, ApiErrorResult>> Handle(
        Guid id, InventoryDb db, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return resource is null
            ? ApiErrors.NotFound($"Resource {id} does not exist.")
            : ObservedResourcesResult.One(resource);
    }
}
