using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Query;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IacPlatform.Inventory.Features.InventoryViews;

/// <summary>One category of live resources, by name, with seed 001's paging (skip, limit default 100, max 200).</summary>
internal static class ListInventoryView
{
    public const int DefaultLimit = 100;

    public static async Task<Results<Ok<IReadOnlyList<InventoryItem>>, ApiErrorResult>> Handle(
        string view, HttpResponse response, InventoryDb db, CancellationToken cancellationToken,
        string? provider = null, string? region = null, string? status = null,
        [FromQuery(Name = "account_id")] Guid? accountId = null, int? limit = null, int? skip = null, int? offset = null)
    {
        if (Paging.Resolve(limit ?? DefaultLimit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var category = view switch
        {
            "vms" => ResourceCategories.Vm,
            "storage" => ResourceCategories.Storage,
            "networks" => ResourceCategories.Network,
            _ => ResourceCategories.Cluster,
        };
        var errors = new QueryErrors();
        var conditions = new List<FilterNode>();
        foreach (var (name, value) in new[]
        {
            ("category", category), ("provider", provider), ("region", region), ("status", status), ("account_id", accountId?.ToString()),
        })
        {
            if (!string.IsNullOrEmpty(value)
                && ConditionFactory.Create(QueryFields.Resolve(name, out _)!, QueryOperator.Eq, QueryValues.String(value), loose: true,
                    ConditionSite.ForParameter(name), errors) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var query = new ResourceQuery { Filter = new AndNode(conditions, "$"), Limit = paging.Limit, Offset = paging.Offset };
        var result = await ResourceQueryRunner.RunAsync(db, query, cancellationToken);
        paging.WriteHeaders(response, result.Total ?? 0);
        return TypedResults.Ok<IReadOnlyList<InventoryItem>>([.. result.Items.Select(InventoryItem.From)]);
    }
}
