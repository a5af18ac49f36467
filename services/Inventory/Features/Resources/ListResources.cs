using System.Globalization;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Query;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary>
/// <c>GET /api/v1/resources</c>: see <see cref="QueryStringParser"/> for the parameters. Offset paging answers seed
/// 000's shape with X-Total-Count; a <c>cursor</c> (or <c>pagination=cursor</c>) answers the DSL's cursor page.
/// </summary>
internal static class ListResources
{
    public static async Task<Results<Ok<ListResourcesResponse>, Ok<ResourcePage>, ApiErrorResult>> Handle(
        HttpRequest request, HttpResponse response, InventoryDb db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        if (QueryStringParser.Parse(request.Query, errors) is not { } query)
        {
            return errors.ToResult();
        }

        var result = await ResourceQueryRunner.RunAsync(db, query, cancellationToken);
        var data = Fieldsets.Project(result.Items, query.Fields, json.Value.SerializerOptions);
        if (query.Offset is not { } offset)
        {
            if (result.Total is { } counted)
            {
                response.Headers["X-Total-Count"] = counted.ToString(CultureInfo.InvariantCulture);
            }

            return TypedResults.Ok(ResourcePage.From(result, query, data));
        }

        var total = result.Total ?? 0;
        new Paging(query.Limit, offset).WriteHeaders(response, total);
        return TypedResults.Ok(new ListResourcesResponse(data, total, query.Limit, offset));
    }
}
