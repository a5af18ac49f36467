using IacPlatform.Contracts.Identity;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

internal static class TokenServerSetup
{
    /// <summary>
    /// OpenIddict server (token endpoint with passthrough, discovery, JWKS) and validation of its own
    /// tokens as the default authentication scheme, so the shared policies work here too.
    /// Everything read from configuration is read inside option callbacks (tests add settings late).
    /// </summary>
    public static void AddTokenServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TokenKeys>();
        services.AddTransient<IStartupFilter, PlatformTokenStartupFilter>();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(
                    PlatformTokenPaths.Token.TrimStart('/'),
                    PlatformTokenPaths.Login.TrimStart('/'),
                    PlatformTokenPaths.Refresh.TrimStart('/'));
                server.AllowPasswordFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .AllowCustomFlow(IdentityGrantTypes.ApiKey);
                server.RegisterScopes([.. ApiScopes.All, Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(TokenClients.AccessTokenLifetime);

                // A used refresh token is refused at once: no 30 s window for a stolen copy.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                // Every service validates the JWT itself, so access tokens are signed, not encrypted.
                server.DisableAccessTokenEncryption();
                server.AddEventHandler(PlatformTokenResponseHandler.Descriptor);
                server.UseAspNetCore().EnableTokenEndpointPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddEventHandler(PlatformChallengeHandler.Descriptor);
            });

        services.AddOptions<OpenIddictServerOptions>()
            .Configure<TokenKeys, IOptions<AuthOptions>>((options, keys, auth) =>
            {
                options.Issuer = new Uri(auth.Value.Issuer, UriKind.Absolute);
                options.SigningCredentials.Add(new SigningCredentials(keys.Signing, SecurityAlgorithms.RsaSha256));
                options.EncryptionCredentials.Add(new EncryptingCredentials(
                    keys.Encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            });
        services.AddOptions<OpenIddictServerAspNetCoreOptions>()
            .Configure<IOptions<IdentityServiceOptions>, IHostEnvironment>((options, identity, environment) =>
                options.DisableTransportSecurityRequirement =
                    environment.IsDevelopment() || identity.Value.DisableTransportSecurityRequirement);
        services.AddOptions<OpenIddictValidationOptions>()
            .Configure<IOptions<AuthOptions>>((options, auth) => options.Audiences.Add(auth.Value.Audience));

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);

        // OpenIddict logs token requests with their parameters at Information; the custom api_key
        // parameter is not one it knows to mask.
        builder.Logging.AddFilter("OpenIddict.Server", LogLevel.Warning);
    }
}
