using IacPlatform.Identity.Domain;

namespace IacPlatform.Identity.Features.Auth;

/// <summary>A user as every endpoint shows it (seed 000's profile plus role and is_active).</summary>
public sealed record UserResponse(
    Guid Id,
    string Username,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    bool IsAdmin,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal static class UserResponseMapping
{
    public static UserResponse ToResponse(this PlatformUser user) => new(
        user.Id, user.UserName ?? "", user.Email ?? "", user.FirstName, user.LastName, user.Role, user.IsAdmin,
        user.IsActive, user.CreatedAt, user.UpdatedAt);
}
