using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Internal;

public sealed record LookupKey(string? Type, string? NativeId);

public sealed record LookupRequest(IReadOnlyList<LookupKey?>? Keys, bool IncludeRemoved);

/// <summary>
/// Resources of any account by (type, native_id), e.g. every resource a Terraform state names, in one statement:
/// the keys travel as two arrays and are semi-joined against <c>resources</c>, so a key held by two accounts
/// answers both rows and a repeated key answers once.
/// </summary>
internal static class LookupResources
{
    public const int MaxKeys = 10_000;

    /// <summary>The column sizes of resources.type and resources.native_id: a longer value cannot match.</summary>
    public const int MaxTypeLength = 100;

    public const int MaxNativeIdLength = 1024;

    private const int MaxReportedErrors = 20;

    public static Results<ObservedResourcesResult, ApiErrorResult> Handle(LookupRequest request, InventoryDb db)
    {
        if (request.Keys is not { } keys)
        {
            return ApiErrors.Validation("keys", "keys is required (an array of {\"type\", \"native_id\"}).");
        }

        if (keys.Count > MaxKeys)
        {
            return ApiErrors.Validation("keys", $"At most {MaxKeys} keys per lookup ({keys.Count} given).");
        }

        var errors = Validate(keys);
        if (errors.Count > 0)
        {
            return ApiErrors.Validation($"{errors.Count} key(s) are invalid.", [.. errors.Take(MaxReportedErrors)]);
        }

        var types = keys.Select(k => k!.Type!).ToArray();
        var nativeIds = keys.Select(k => k!.NativeId!).ToArray();
        return ObservedResourcesResult.List(Query(db, types, nativeIds, request.IncludeRemoved).AsAsyncEnumerable());
    }

    /// <summary>
    /// The lookup statement (internal for the EXPLAIN test). The semi-join probes ix_resources_native_id per key, or
    /// hashes the keys against a scan when they are a large share of the table.
    /// </summary>
    internal static IQueryable<Resource> Query(InventoryDb db, string[] types, string[] nativeIds, bool includeRemoved)
    {
        var query = db.Resources.FromSql($"""
            SELECT r.* FROM resources r
            WHERE (r.type, r.native_id) IN (SELECT k.type, k.native_id FROM unnest({types}, {nativeIds}) AS k(type, native_id))
            """).AsNoTracking();
        return includeRemoved ? query : query.Where(r => r.RemovedAt == null);
    }

    private static List<FieldError> Validate(IReadOnlyList<LookupKey?> keys)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is not { } key)
            {
                errors.Add(new FieldError($"keys[{i}]", "Each key must be an object with type and native_id."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(key.Type) || key.Type.Length > MaxTypeLength)
            {
                errors.Add(new FieldError($"keys[{i}].type", $"type is required, at most {MaxTypeLength} characters."));
            }

            if (string.IsNullOrWhiteSpace(key.NativeId) || key.NativeId.Length > MaxNativeIdLength)
            {
                errors.Add(new FieldError($"keys[{i}].native_id", $"native_id is required, at most {MaxNativeIdLength} characters."));
            }
        }

        return errors;
    }
}
