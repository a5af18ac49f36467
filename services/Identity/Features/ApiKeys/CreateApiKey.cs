using System.Security.Claims;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Identity.Features.ApiKeys;

public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt, int? ExpiresInDays);

/// <summary>
/// A key carries at most the scopes of the token that creates it and of its owner's role; keys cannot
/// mint keys (a leaked key must not be able to outlive its revocation).
/// </summary>
internal static class CreateApiKey
{
    public const int MaxExpiryDays = 3650;

    public static async Task<Results<Created<ApiKeyCreatedResponse>, ApiErrorResult>> Handle(
        CreateApiKeyRequest request, ClaimsPrincipal principal, IdentityDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CurrentUser.IsApiKeyCaller(principal))
        {
            return ApiErrors.Forbidden("API keys cannot be created with an API key; sign in with a password.");
        }

        var user = await CurrentUser.FindAsync(principal, db, cancellationToken);
        if (user is null)
        {
            return ApiErrors.Forbidden("This token does not belong to a user.");
        }

        var now = time.GetUtcNow();
        var errors = Validate(request, now, out var expiresAt);
        var held = principal.GetScopes().Intersect(ApiScopes.ForRole(user.Role), StringComparer.Ordinal).ToList();
        var scopes = request.Scopes?.ToList() ?? held;
        var unknown = scopes.Where(scope => !ApiScopes.All.Contains(scope, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError("scopes", "Unknown scopes: " + string.Join(", ", unknown)));
        }
        else if (scopes.Count == 0)
        {
            errors.Add(new FieldError("scopes", "An API key needs at least one scope."));
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The request is invalid.", errors);
        }

        var beyond = scopes.Except(held, StringComparer.Ordinal).ToList();
        if (beyond.Count > 0)
        {
            return ApiErrors.Create(403, ErrorCodes.InsufficientPermissions,
                "An API key cannot carry scopes you do not have: " + string.Join(", ", beyond),
                new[] { new FieldError("scopes", "Not held by the caller: " + string.Join(", ", beyond)) });
        }

        var (key, secret) = ApiKey.Create(user.Id, request.Name!.Trim(), scopes, expiresAt, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/v1/auth/api-keys/{key.Id}",
            new ApiKeyCreatedResponse(key.Id, key.Name, secret, key.Prefix, key.Scopes, key.ExpiresAt, key.CreatedAt));
    }

    private static List<FieldError> Validate(CreateApiKeyRequest request, DateTimeOffset now, out DateTimeOffset? expiresAt)
    {
        var errors = new List<FieldError>();
        expiresAt = null;
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new FieldError("name", "name is required."));
        }
        else if (request.Name.Trim().Length > 100)
        {
            errors.Add(new FieldError("name", "name must be at most 100 characters."));
        }

        if (request.ExpiresAt is not null && request.ExpiresInDays is not null)
        {
            errors.Add(new FieldError("expires_at", "Give expires_at or expires_in_days, not both."));
        }
        else if (request.ExpiresAt is { } at)
        {
            if (at <= now || at > now.AddDays(MaxExpiryDays))
            {
                errors.Add(new FieldError("expires_at", $"expires_at must be in the future, within {MaxExpiryDays} days."));
            }

            expiresAt = at.ToUniversalTime();
        }
        else if (request.ExpiresInDays is { } days)
        {
            if (days is < 1 or > MaxExpiryDays)
            {
                errors.Add(new FieldError("expires_in_days", $"expires_in_days must be between 1 and {MaxExpiryDays}."));
            }
            else
            {
                expiresAt = now.AddDays(days);
            }
        }

        return errors;
    }
}
