using System.Text.Json;
using IacPlatform.Contracts.Inventory;
using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Sync;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Tags;

/// <summary>
/// Replacing a resource's tags: checked, guarded by If-Match, written to the cloud first (so the next sync agrees),
/// then stored with a history entry and a ResourceChanged event in one transaction.
/// </summary>
internal sealed class TagUpdate(InventoryDb db, CredentialVault vault, ProviderRegistry providers, RequestBudgets budgets, TimeProvider time)
{
    public const int MaxTags = 50;

    public static List<FieldError> Validate(IReadOnlyDictionary<string, string>? tags, string field = "tags")
    {
        var errors = new List<FieldError>();
        if (tags is null)
        {
            errors.Add(new FieldError(field, "tags is required (an object of string values; {} removes every tag)."));
            return errors;
        }

        if (tags.Count > MaxTags)
        {
            errors.Add(new FieldError(field, $"At most {MaxTags} tags."));
        }

        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 128 || key.Any(char.IsControl))
            {
                errors.Add(new FieldError($"{field}.{(key.Length > 40 ? key[..40] : key)}", "Tag keys must be 1 to 128 printable characters."));
            }
            else if (value is null || value.Length > 256 || value.Any(char.IsControl))
            {
                errors.Add(new FieldError($"{field}.{key}", "Tag values must be strings of at most 256 printable characters."));
            }
        }

        return errors;
    }

    public async Task<(Resource? Resource, ApiErrorResult? Error)> ReplaceAsync(
        Guid resourceId, IReadOnlyDictionary<string, string> tags, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        db.ChangeTracker.Clear(); // a batch reuses this context: an earlier item's failure must not leak into this one
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken);
        if (resource is null)
        {
            return (null, ApiErrors.NotFound($"Resource {resourceId} does not exist."));
        }

        if (ifMatch is not null && ifMatch != "*" && !ifMatch.Split(',').Select(t => t.Trim()).Contains(resource.ETag))
        {
            return (null, ApiErrors.Create(412, ErrorCodes.PreconditionFailed, "Resource was modified by another request.",
                new { current_etag = resource.ETag }));
        }

        if (resource.IsRemoved)
        {
            return (null, ApiErrors.Create(409, "RESOURCE_REMOVED", "The resource is no longer in its cloud; its tags cannot change."));
        }

        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == resource.AccountId, cancellationToken);
        if (account.DeletedAt is not null)
        {
            return (null, ApiErrors.Create(409, "ACCOUNT_DELETED", "The resource's account was deleted."));
        }

        var canonicalTags = CanonicalJson.Write(tags);
        var before = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(resource.Tags) ?? [];
        var changed = before.Keys.Union(tags.Keys)
            .Where(key => !before.TryGetValue(key, out var old) || !tags.TryGetValue(key, out var value)
                || old.ValueKind != JsonValueKind.String || old.GetString() != value)
            .Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0)
        {
            return (resource, null);
        }

        if (await WriteToProviderAsync(account, resource, tags, cancellationToken) is { } providerError)
        {
            return (null, providerError);
        }

        var now = time.GetUtcNow();
        resource.ReplaceTags(canonicalTags, ContentHash.Compute(resource.Name, resource.Status, resource.Region, canonicalTags,
            CanonicalJson.Normalize(resource.Attributes)), now);
        db.History.Add(ResourceHistoryEntry.TagsUpdated(resource, changed, actor, now));
        db.StageEvent(new ResourceChanged(Guid.CreateVersion7(now), now, resource.Id, resource.AccountId, resource.Provider,
            resource.Type, resource.NativeId, resource.Version, [.. changed.Select(key => "tags." + key)], null));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, ApiErrors.Create(412, ErrorCodes.PreconditionFailed, "Resource was modified by another request."));
        }

        return (resource, null);
    }

    private async Task<ApiErrorResult?> WriteToProviderAsync(
        CloudAccount account, Resource resource, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var provider = providers.Find(account.Provider);
        var credentials = provider is null ? null : vault.Open(account);
        if (provider is null || credentials is null)
        {
            return ApiErrors.Create(409, "PROVIDER_UNAVAILABLE", "The resource's account has no usable provider credentials.");
        }

        try
        {
            await provider.WriteTagsAsync(new ProviderContext(account.Id, account.Name, credentials, budgets.For(account.Id, account.Provider)),
                new ResourceLocator(resource.Type, resource.NativeId, resource.Region, resource.Attributes), tags, cancellationToken);
            return null;
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Unsupported)
        {
            return ApiErrors.Create(422, ErrorCodes.ValidationError, ex.Message);
        }
        catch (ProviderException ex)
        {
            return ApiErrors.Create(502, "PROVIDER_ERROR", $"The {account.Provider} API refused the tag change: {ex.Message}");
        }
    }
}
