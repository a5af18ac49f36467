using System.Globalization;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>limit/offset (offset also as <c>skip</c>) of the list endpoints.</summary>
public readonly record struct Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Paging? Resolve(int? limit, int? offset, int? skip, out ApiErrorResult? error)
    {
        error = null;
        var resolvedLimit = limit ?? DefaultLimit;
        var resolvedOffset = offset ?? skip ?? 0;
        if (resolvedLimit is < 1 or > MaxLimit)
        {
            error = ApiErrors.Validation("limit", $"limit must be between 1 and {MaxLimit}.");
            return null;
        }

        if (resolvedOffset < 0)
        {
            error = ApiErrors.Validation("offset", "offset must not be negative.");
            return null;
        }

        return new Paging(resolvedLimit, resolvedOffset);
    }

    /// <summary>
    /// One page of an ordered query and the total it pages through (EF drops the ordering from the count), with the
    /// list headers set: the count → skip/take → headers sequence every offset-paged list shares.
    /// </summary>
    public async Task<(List<T> Items, int Total)> ReadAsync<T>(
        IQueryable<T> ordered, HttpResponse response, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(Offset).Take(Limit).ToListAsync(cancellationToken);
        WriteHeaders(response, total);
        return (items, total);
    }

    /// <summary>Sets <c>X-Total-Count</c> (and the seed-001 page headers) on a list response.</summary>
    public void WriteHeaders(HttpResponse response, long total)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Page-Size"] = Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Page-Number"] = (Offset / Limit + 1).ToString(CultureInfo.InvariantCulture);
    }
}
