using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Domain.Backends;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Backends;

internal static class ListBackends
{
    public static async Task<Results<Ok<BackendList>, ApiErrorResult>> Handle(
        HttpRequest request, HttpResponse response, StateDb db, IOptions<StateBackendsOptions> options, CancellationToken cancellationToken,
        int? limit = null, int? offset = null, int? skip = null, string? type = null, string? status = null)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var query = db.Backends.AsNoTracking();
        if (type is not null)
        {
            if (!BackendTypes.All.Contains(type))
            {
                return ApiErrors.Validation("type", $"type must be one of {string.Join(", ", BackendTypes.All)}.");
            }

            query = query.Where(b => b.Type == type);
        }

        if (status is not null)
        {
            BackendStatus? wanted = status switch
            {
                "active" => BackendStatus.Active,
                "discovered" => BackendStatus.Discovered,
                "error" => BackendStatus.Error,
                _ => null,
            };
            if (wanted is not { } filter)
            {
                return ApiErrors.Validation("status", "status must be one of active, discovered, error.");
            }

            query = query.Where(b => b.Status == filter);
        }

        var (backends, total) = await paging.ReadAsync(query.OrderBy(b => b.Name), response, cancellationToken);
        var publicBase = BackendMapping.PublicBase(request, options);
        return TypedResults.Ok(new BackendList([.. backends.Select(b => b.ToResponse(publicBase))], total, paging.Limit, paging.Offset));
    }
}
