using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Query;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Inventory.Features.InventoryViews;

/// <summary>One live resource in seed 001's shape; a removed (no longer observed) resource is not part of the inventory: 404.</summary>
internal static class GetInventoryItem
{
    public static async Task<Results<Ok<InventoryItem>, ApiErrorResult>> Handle(Guid id, InventoryDb db, CancellationToken cancellationToken)
    {
        var condition = new ConditionNode(QueryFields.Id, QueryOperator.Eq, [id], "id");
        var result = await ResourceQueryRunner.RunAsync(db, new ResourceQuery { Filter = condition, Limit = 1 }, cancellationToken);
        return result.Items is [var resource]
            ? TypedResults.Ok(InventoryItem.From(resource))
            : ApiErrors.NotFound($"Resource '{id}' was not found in the inventory.");
    }
}
