using IacPlatform.Identity.Bootstrap;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using IacPlatform.Identity.Tokens;
using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Identity;

namespace IacPlatform.Identity;

public static class IdentityServices
{
    /// <summary>Identity's DI in one place: database, users, OpenIddict, outbox relay, start-up seeding.</summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IdentityServiceOptions>().BindConfiguration(IdentityServiceOptions.SectionName);

        builder.AddServiceDatabase<IdentityDb>("identitydb");
        builder.AddServiceMessaging();
        builder.AddOutboxRelay<IdentityDb>();

        builder.Services.AddIdentityCore<PlatformUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters =
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

                // Length over composition rules (NIST SP 800-63B): 12+ characters, not one repeated character.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<IdentityDb>();

        builder.AddTokenServer();

        // Registered after AddServiceDatabase: migrations (StartingAsync) have run when these start.
        builder.Services.AddHostedService<OAuthClientSeeder>();
        builder.Services.AddHostedService<AdminBootstrapper>();
        return builder;
    }
}
