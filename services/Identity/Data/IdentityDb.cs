using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Data;

/// <summary>
/// Identity's own database: ASP.NET Core Identity users (one role column, no role tables), API keys,
/// OpenIddict's applications/authorizations/scopes/tokens, and the outbox/inbox.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<PlatformUser, Guid>(options)
{
    private static readonly Dictionary<string, string> TableNames = new(StringComparer.Ordinal)
    {
        ["AspNetUsers"] = "users",
        ["AspNetUserClaims"] = "user_claims",
        ["AspNetUserLogins"] = "user_logins",
        ["AspNetUserTokens"] = "user_tokens",
        ["OpenIddictApplications"] = "oauth_applications",
        ["OpenIddictAuthorizations"] = "oauth_authorizations",
        ["OpenIddictScopes"] = "oauth_scopes",
        ["OpenIddictTokens"] = "oauth_tokens",
    };

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.AddOutboxAndInbox();
        builder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
        builder.UseSnakeCaseNames(TableNames);
    }
}
