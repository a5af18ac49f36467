using IacPlatform.Contracts.Security;

namespace IacPlatform.State.Features.Logs;

/// <summary>
/// Seed 003: upload a Terraform or Ansible run log (multipart <c>file</c>, or the raw text as the body) and get
/// its summary; the summaries are kept and can be listed and read again.
/// </summary>
internal static class LogEndpoints
{
    public static IEndpointRouteBuilder MapLogEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var tool in new[] { ParseLogs.Terraform, ParseLogs.Ansible })
        {
            var group = app.MapGroup($"/api/v1/{tool}").WithTags("Run logs").RequireAuthorization(ApiScopes.Read("state"));
            group.MapPost("/parse-logs", (HttpRequest request, System.Security.Claims.ClaimsPrincipal user, Data.StateDb db, TimeProvider time,
                    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken) =>
                    ParseLogs.Handle(tool, request, user, db, time, json, cancellationToken))
                .RequireAuthorization(ApiScopes.Write("state"))
                .DisableAntiforgery();
            group.MapGet("/parsed-logs", (HttpResponse response, Data.StateDb db, CancellationToken cancellationToken,
                    int? limit, int? offset, int? skip) => ListParsedLogs.Handle(tool, response, db, limit, offset, skip, cancellationToken));
            group.MapGet("/parsed-logs/{id:guid}", (Guid id, Data.StateDb db, CancellationToken cancellationToken) =>
                ListParsedLogs.Get(tool, id, db, cancellationToken));
        }

        return app;
    }
}
