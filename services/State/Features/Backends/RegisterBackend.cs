using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Domain.Backends;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Backends;

/// <summary><c>config</c> holds every setting of the type, secret ones included: they are split off and encrypted.</summary>
public sealed record RegisterBackendRequest(string? Name, string? Type, JsonElement? Config);

internal static partial class RegisterBackend
{
    public static async Task<Results<Created<BackendResponse>, ApiErrorResult>> Handle(
        RegisterBackendRequest request, ClaimsPrincipal user, HttpRequest httpRequest, StateDb db, BackendSecrets secrets,
        OutboundUrlGuard guard, IOptions<StateBackendsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.Name is null || !NamePattern().IsMatch(request.Name))
        {
            errors.Add(new("name", $"name is required: 1-{StateBackend.MaxNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }

        var schema = BackendTypes.SchemaOf(request.Type);
        if (schema is null)
        {
            errors.Add(new("type", $"type must be one of {string.Join(", ", BackendTypes.All)}."));
            return ApiErrors.Validation("The backend is invalid.", errors);
        }

        var config = schema.Parse(request.Config);
        errors.AddRange(config.Errors);
        foreach (var (key, url) in config.Urls(schema))
        {
            // Names that do not resolve from here are accepted: the connection test reports them. What is known to be
            // internal (or is not an http(s) URL) is not.
            var check = await guard.CheckAsync(url, cancellationToken);
            if (check.Verdict is OutboundUrlVerdict.Invalid or OutboundUrlVerdict.Forbidden)
            {
                errors.Add(new("config." + key, $"{key}: {check.Reason}"));
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The backend is invalid.", errors);
        }

        if (await db.Backends.AnyAsync(b => b.Name == request.Name, cancellationToken))
        {
            return ApiErrors.AlreadyExists($"A backend named '{request.Name}' already exists.");
        }

        var caller = Callers.Of(user);
        var backend = StateBackend.Register(request.Name!, schema.Type, JsonSerializer.Serialize(config.Values), caller.UserId, caller.Name,
            time.GetUtcNow());
        secrets.Seal(backend, config.Secrets);
        db.Backends.Add(backend);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return ApiErrors.AlreadyExists($"A backend named '{request.Name}' already exists.");
        }

        return TypedResults.Created($"/api/v1/backends/{backend.Id}", backend.ToResponse(BackendMapping.PublicBase(httpRequest, options)));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamePattern();
}
