using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IacPlatform.ServiceDefaults.Authentication;

internal static class AuthenticationExtensions
{
    public const string MetadataClient = "auth-metadata";

    /// <summary>The shared policy provider; any authentication scheme can feed it.</summary>
    public static void AddApiAuthorization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationPolicyProvider, ApiPolicyProvider>();
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, MinimumRoleRequirementHandler>();
    }

    /// <summary>
    /// Bearer JWTs issued by Identity: issuer discovery and JWKS fetched through service discovery
    /// (the issuer is a logical name such as http://identity/), audience and lifetime checked.
    /// </summary>
    public static void AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(MetadataClient);
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IHttpClientFactory, ValidatedTokenCache>((options, auth, clients, cache) =>
            {
                var settings = auth.Value;
                options.Authority = settings.Issuer;
                options.Audience = settings.Audience;
                options.RequireHttpsMetadata = settings.Issuer.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.Backchannel = clients.CreateClient(MetadataClient);
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    NameClaimType = ApiClaims.Name,
                    RoleClaimType = ApiClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (BearerToken(context.Request) is { } token && cache.TryGet(token, out var principal))
                        {
                            context.Principal = principal;
                            context.Success();
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        if (context.SecurityToken is JsonWebToken jwt && context.Principal is { } principal)
                        {
                            cache.Add(jwt.EncodedToken, principal, jwt.ValidTo);
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = WriteChallengeAsync,
                    OnForbidden = context => ApiErrorWriter.WriteAsync(
                        context.HttpContext, 403, ErrorCodes.InsufficientPermissions,
                        ErrorCodes.MessageForStatus(403)),
                };
            });
    }

    private static string? BearerToken(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? header[7..].Trim()
            : null;
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var (code, message) = context.AuthenticateFailure switch
        {
            SecurityTokenExpiredException => (ErrorCodes.TokenExpired, "The access token has expired."),
            not null => (ErrorCodes.AuthenticationRequired, "The access token is invalid."),
            null => (ErrorCodes.AuthenticationRequired, "Authentication is required."),
        };
        await ApiErrorWriter.WriteAsync(context.HttpContext, 401, code, message);
    }
}
