using System.Security.Claims;
using System.Text.Json;
using IacPlatform.Contracts.Security;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.ServiceDefaults.Encryption;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Encryption;

public sealed record RewrapResponse(string ActiveKeyId, int Rewrapped, int Remaining, int BackendSecretsRewrapped);

/// <summary>
/// Key rotation: re-wraps the data keys of versions still under an older key with the active key, a batch at
/// a time, and the registered backends' secrets likewise (ciphertexts untouched). Call until <c>remaining</c> is
/// 0, then retire the old key.
/// </summary>
internal static class RewrapKeys
{
    public const int MaxBatch = 1000;

    public static IEndpointRouteBuilder MapEncryptionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/terraform/encryption/rewrap", Handle).WithTags("Encryption")
            .RequireAuthorization(ApiScopes.Write("state")).RequireAuthorization("role:admin");
        return app;
    }

    public static async Task<Results<Ok<RewrapResponse>, IacPlatform.ServiceDefaults.Errors.ApiErrorResult>> Handle(
        ClaimsPrincipal user, StateDb db, EnvelopeCipher cipher, TimeProvider time, CancellationToken cancellationToken, int? batch = null)
    {
        var size = batch ?? 200;
        if (size is < 1 or > MaxBatch)
        {
            return IacPlatform.ServiceDefaults.Errors.ApiErrors.Validation("batch", $"batch must be between 1 and {MaxBatch}.");
        }

        var active = cipher.ActiveKeyId;
        var contents = await db.Contents.Where(c => c.KeyId != active).OrderBy(c => c.VersionId).Take(size).ToListAsync(cancellationToken);
        var from = contents.Select(c => c.KeyId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var content in contents)
        {
            content.Rewrap(active, cipher.Rewrap(content.ToPayload(), content.VersionId));
        }

        var backends = await db.Backends.Where(b => b.SecretKeyId != null && b.SecretKeyId != active).ToListAsync(cancellationToken);
        foreach (var backend in backends)
        {
            backend.RewrapSecrets(active, cipher.Rewrap(backend.Secrets!, backend.Id));
        }

        if (contents.Count + backends.Count > 0)
        {
            db.Audit.Add(AuditEntry.Record(null, AuditActions.Rewrap, Callers.Of(user), null,
                JsonSerializer.Serialize(new { to_key = active, from_keys = from, versions = contents.Count, backends = backends.Count }), time.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
        var remaining = await db.Contents.CountAsync(c => c.KeyId != active, cancellationToken);
        return TypedResults.Ok(new RewrapResponse(active, contents.Count, remaining, backends.Count));
    }
}
