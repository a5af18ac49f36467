using System.Globalization;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

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

    /// <summary>Sets <c>X-Total-Count</c> (and the seed-001 page headers) on a list response.</summary>
    public void WriteHeaders(HttpResponse response, long total)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Page-Size"] = Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Page-Number"] = (Offset / Limit + 1).ToString(CultureInfo.InvariantCulture);
    }
}
