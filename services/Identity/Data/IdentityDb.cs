using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Data;

/// <summary>
/// Identity's own database: ASP.NET Core Identity users (one role column, no role tables), API keys,
/// OpenIddict's applications/authorizations/scopes/tokens, and the outbox/inbox.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<PlatformUser, Guid>(options)
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.AddOutboxAndInbox();
        builder.ApplyConfigurationsFromAssembly(typeof(IdentityDb).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
