using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Backends;

/// <summary>
/// Connects to the backend now and keeps the outcome on it. An unreachable backend is a successful test with
/// status <c>failed</c> (200): the request was fine, the backend is not.
/// </summary>
internal static class TestBackend
{
    public static async Task<Results<Ok<BackendTestResponse>, ApiErrorResult>> Handle(
        string id, StateDb db, BackendTester tester, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!BackendIds.TryParse(id, out var backendId, out var invalid))
        {
            return invalid!;
        }

        var backend = await db.Backends.FirstOrDefaultAsync(b => b.Id == backendId, cancellationToken);
        if (backend is null)
        {
            return ApiErrors.NotFound($"Backend '{id}' does not exist.");
        }

        var result = await tester.TestAsync(backend, cancellationToken);
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds: answer what is stored
        backend.RecordTest(result.Success, result.Message, result.ResponseTimeMs, result.HttpStatus, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new BackendTestResponse(
            backend.Id, result.Success ? "success" : "failed", result.Message, BackendMapping.ResponseTime(result.ResponseTimeMs),
            result.ResponseTimeMs, result.HttpStatus, result.Endpoint?.ToString(), now));
    }
}
