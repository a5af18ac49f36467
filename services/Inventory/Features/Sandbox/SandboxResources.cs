using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Features.Resources;
using IacPlatform.Inventory.Sync;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Sandbox;

public sealed record SandboxResourceResponse(
    Guid Id, string Type, string NativeId, string Name, string Region, string Status, JsonElement Tags,
    JsonElement Attributes, string Origin, string? Address, DateTimeOffset UpdatedAt)
{
    public static SandboxResourceResponse From(SandboxResource r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Type, r.NativeId, r.Name, r.Region, r.Status, ResourceDto.Json(r.Tags), ResourceDto.Json(r.Attributes),
            r.Origin, r.Address, r.UpdatedAt);
    }
}

/// <summary>An unmanaged resource added out of band (no Terraform address): it shows up as unmanaged in drift.</summary>
public sealed record AddSandboxResourceRequest(
    string? Type, string? NativeId, string? Name, string? Region, string? Status, Dictionary<string, string>? Tags,
    JsonObject? Attributes);

/// <summary>An out-of-band change: <c>attributes</c> are merged (a null value deletes the key), <c>tags</c> replace.</summary>
public sealed record ChangeSandboxResourceRequest(string? Name, string? Status, Dictionary<string, string>? Tags, JsonObject? Attributes);

internal static class SandboxResources
{
    public static async Task<Results<Ok<List<SandboxResourceResponse>>, ApiErrorResult>> List(
        Guid accountId, string? type, InventoryDb db, CancellationToken cancellationToken)
    {
        if (await SandboxAccountAsync(db, accountId, cancellationToken) is { } error)
        {
            return error;
        }

        var query = db.SandboxResources.AsNoTracking().Where(r => r.AccountId == accountId);
        if (type is not null)
        {
            query = query.Where(r => r.Type == type);
        }

        var rows = await query.OrderBy(r => r.Type).ThenBy(r => r.NativeId).Take(5000).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(SandboxResourceResponse.From).ToList());
    }

    public static async Task<Results<Created<SandboxResourceResponse>, ApiErrorResult>> Add(
        Guid accountId, AddSandboxResourceRequest request, InventoryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await SandboxAccountAsync(db, accountId, cancellationToken) is { } error)
        {
            return error;
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(request.Type) || request.Type.Length > 100 || !request.Type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            errors.Add(new FieldError("type", "type is required: a Terraform type name such as aws_instance."));
        }

        if (request.NativeId is { Length: 0 or > 1024 })
        {
            errors.Add(new FieldError("native_id", "native_id must be 1 to 1024 characters."));
        }

        CheckCommon(request.Name, request.Status, request.Tags, errors);
        if (request.Region is { Length: 0 or > 100 })
        {
            errors.Add(new FieldError("region", "region must be 1 to 100 characters."));
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The sandbox resource is invalid.", errors);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var nativeId = request.NativeId ?? $"{request.Type}-{id:N}";
        var attributes = request.Attributes ?? [];
        attributes["id"] = nativeId;
        if (await db.SandboxResources.AnyAsync(r => r.AccountId == accountId && r.Type == request.Type && r.NativeId == nativeId, cancellationToken))
        {
            return ApiErrors.AlreadyExists($"The sandbox already has a {request.Type} '{nativeId}'.");
        }

        var row = SandboxResource.Create(id, accountId, request.Type!, nativeId, request.Name ?? nativeId,
            request.Region ?? (await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Region).SingleAsync(cancellationToken)) ?? "sandbox-1",
            request.Status ?? "running", CanonicalJson.Write(request.Tags ?? []), CanonicalJson.Write(attributes), "unmanaged", null, now);
        db.SandboxResources.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/inventory/sandbox/{accountId}/resources/{row.Id}", SandboxResourceResponse.From(row));
    }

    public static async Task<Results<Ok<SandboxResourceResponse>, ApiErrorResult>> Change(
        Guid accountId, Guid id, ChangeSandboxResourceRequest request, InventoryDb db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await SandboxAccountAsync(db, accountId, cancellationToken) is { } error)
        {
            return error;
        }

        var row = await db.SandboxResources.SingleOrDefaultAsync(r => r.AccountId == accountId && r.Id == id, cancellationToken);
        if (row is null)
        {
            return ApiErrors.NotFound($"Sandbox resource {id} does not exist.");
        }

        var errors = new List<FieldError>();
        CheckCommon(request.Name, request.Status, request.Tags, errors);
        if (request.Attributes is { } changes && (changes.ContainsKey("id") || changes.Count > 500))
        {
            errors.Add(new FieldError("attributes", "attributes may change at most 500 keys and never 'id' (delete and add instead)."));
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The change is invalid.", errors);
        }

        string? attributes = null;
        if (request.Attributes is { } merge)
        {
            var current = JsonNode.Parse(row.Attributes) as JsonObject ?? [];
            foreach (var (key, value) in merge.ToList())
            {
                if (value is null)
                {
                    current.Remove(key);
                }
                else
                {
                    current[key] = value.DeepClone();
                }
            }

            attributes = CanonicalJson.Write(current);
        }

        row.Change(request.Name, request.Status, request.Tags is null ? null : CanonicalJson.Write(request.Tags), attributes, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SandboxResourceResponse.From(row));
    }

    public static async Task<Results<NoContent, ApiErrorResult>> Delete(
        Guid accountId, Guid id, InventoryDb db, CancellationToken cancellationToken)
    {
        if (await SandboxAccountAsync(db, accountId, cancellationToken) is { } error)
        {
            return error;
        }

        var deleted = await db.SandboxResources.Where(r => r.AccountId == accountId && r.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiErrors.NotFound($"Sandbox resource {id} does not exist.") : TypedResults.NoContent();
    }

    private static void CheckCommon(string? name, string? status, Dictionary<string, string>? tags, List<FieldError> errors)
    {
        if (name is { Length: 0 or > 512 })
        {
            errors.Add(new FieldError("name", "name must be 1 to 512 characters."));
        }

        if (status is { Length: 0 or > 50 })
        {
            errors.Add(new FieldError("status", "status must be 1 to 50 characters."));
        }

        if (tags is not null && (tags.Count > 50 || tags.Any(t => t.Key.Length is 0 or > 128 || t.Value is null || t.Value.Length > 256)))
        {
            errors.Add(new FieldError("tags", "At most 50 tags; keys 1 to 128 characters, values at most 256."));
        }
    }

    private static async Task<ApiErrorResult?> SandboxAccountAsync(InventoryDb db, Guid accountId, CancellationToken cancellationToken)
    {
        var provider = await db.Accounts.Where(a => a.Id == accountId && a.DeletedAt == null).Select(a => a.Provider)
            .SingleOrDefaultAsync(cancellationToken);
        return provider is null ? ApiErrors.NotFound($"Cloud account {accountId} does not exist.")
            : provider != ProviderKinds.Sandbox ? ApiErrors.Validation("account_id", "This is not a sandbox account.")
            : null;
    }
}
