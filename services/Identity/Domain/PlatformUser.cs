using IacPlatform.Contracts.Security;
using Microsoft.AspNetCore.Identity;

namespace IacPlatform.Identity.Domain;

/// <summary>
/// A person who signs in. ASP.NET Core Identity needs public setters on its user type, so the
/// invariants live in the factory and the intent-named methods below.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>One of <see cref="Roles.All"/>; a single role per user.</summary>
    public string Role { get; set; } = Roles.Viewer;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsAdmin => Role == Roles.Admin;

    public static PlatformUser Create(
        string username, string email, string firstName, string lastName, string role, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            UserName = username,
            Email = email,
            FirstName = firstName,
            LastName = lastName,
            Role = role,
            IsActive = true,
            LockoutEnabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void ChangeRole(string role, DateTimeOffset now)
    {
        if (Roles.Rank(role) == 0)
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        Role = role;
        UpdatedAt = now;
    }

    public void SetActive(bool active, DateTimeOffset now)
    {
        IsActive = active;
        UpdatedAt = now;
    }
}
