using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Identity.Features;

/// <summary>limit/offset (offset also as <c>skip</c>) of the list endpoints.</summary>
internal readonly record struct Paging(int Limit, int Offset)
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
}
