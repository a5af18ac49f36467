using IacPlatform.Contracts.Identity;
using IacPlatform.Contracts.Security;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using IacPlatform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Bootstrap;

/// <summary>
/// Creates or updates the OAuth clients at start-up: the public first-party client behind login/refresh,
/// and one confidential client per <c>Identity:ServiceClients:&lt;clientId&gt;</c> (secret rotation = restart).
/// </summary>
internal sealed partial class OAuthClientSeeder(
    IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options, ILogger<OAuthClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        await UpsertAsync(applications, CliDescriptor(), cancellationToken);
        foreach (var (clientId, secret) in options.Value.ServiceClients)
        {
            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new InvalidOperationException($"Identity:ServiceClients:{clientId} has an empty secret.");
            }

            await UpsertAsync(applications, ServiceDescriptor(clientId, secret), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task UpsertAsync(
        IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var clientId = descriptor.ClientId!;
        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            LogClient(logger, clientId, "created");
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
            LogClient(logger, clientId, "updated");
        }
    }

    private static OpenIddictApplicationDescriptor CliDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = TokenClients.Cli,
            ClientType = ClientTypes.Public,
            DisplayName = "IacPlatform first-party clients (web, CLI)",
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.Password,
            Permissions.GrantTypes.RefreshToken,
            Permissions.Prefixes.Scope + Scopes.OfflineAccess,
        ]);
        descriptor.Permissions.UnionWith(ApiScopes.All.Select(scope => Permissions.Prefixes.Scope + scope));
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor ServiceDescriptor(string clientId, string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"{clientId} service",
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        descriptor.Permissions.UnionWith(ApiScopes.All.Select(scope => Permissions.Prefixes.Scope + scope));
        if (clientId == TokenClients.Gateway)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + IdentityGrantTypes.ApiKey);
        }

        return descriptor;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OAuth client {ClientId} {Action}")]
    private static partial void LogClient(ILogger logger, string clientId, string action);
}
