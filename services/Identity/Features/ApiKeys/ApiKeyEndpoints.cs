namespace IacPlatform.Identity.Features.ApiKeys;

/// <summary><c>/api/v1/auth/api-keys</c>: self-service, any signed-in user (viewers get read-only keys).</summary>
internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/api-keys").WithTags("API keys").RequireAuthorization();
        group.MapPost("/", CreateApiKey.Handle);
        group.MapGet("/", ListApiKeys.Handle);
        group.MapDelete("/{id:guid}", RevokeApiKey.Handle);
        return app;
    }
}
