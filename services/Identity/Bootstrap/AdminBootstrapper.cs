using System.Security.Cryptography;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Identity.Bootstrap;

/// <summary>
/// Makes sure an admin exists: from <c>IACP_ADMIN_USERNAME</c>/<c>IACP_ADMIN_PASSWORD</c>, or with a
/// generated password logged once. Never touches an existing admin (a restart does not reset passwords),
/// and never promotes an existing non-admin account that happens to have the admin's name.
/// </summary>
internal sealed partial class AdminBootstrapper(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AdminBootstrapper> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        if (await db.Users.AnyAsync(u => u.Role == Roles.Admin, cancellationToken))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var username = configuration["IACP_ADMIN_USERNAME"] is { Length: > 0 } name ? name : "admin";
        if (await users.FindByNameAsync(username) is not null)
        {
            LogNameTaken(logger, username);
            return;
        }

        var configured = configuration["IACP_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var email = configuration["IACP_ADMIN_EMAIL"] is { Length: > 0 } mail ? mail : $"{username}@iacplatform.local";
        var admin = PlatformUser.Create(username, email, "Platform", "Administrator", Roles.Admin, time.GetUtcNow());
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (string.IsNullOrEmpty(configured))
        {
            LogGeneratedPassword(logger, username, password);
        }
        else
        {
            LogCreated(logger, username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string GeneratePassword() =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created admin {Username} with generated password {Password}: store it now, it is not shown again")]
    private static partial void LogGeneratedPassword(ILogger logger, string username, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created admin {Username} from configuration")]
    private static partial void LogCreated(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "No admin exists and the user {Username} is taken by a non-admin account; not promoting it. Set IACP_ADMIN_USERNAME to a free name")]
    private static partial void LogNameTaken(ILogger logger, string username);
}
