using System.Text.Json;
using System.Text.RegularExpressions;
using IacPlatform.Inventory.Domain;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>
/// The seed-004 <c>filters</c> object, validated: <c>type</c> (a category — compute is vm — or a Terraform type),
/// <c>provider</c>, <c>status</c>, <c>region</c> (each a string or a list of strings), <c>account_id</c> and
/// <c>tags</c> (an object of exact tag values, all required).
/// </summary>
internal sealed partial record AssetFilters(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Regions,
    Guid? AccountId,
    IReadOnlyDictionary<string, string> Tags)
{
    public static readonly IReadOnlyList<string> Keys = ["type", "provider", "status", "region", "account_id", "tags"];

    private static readonly Dictionary<string, string> CategoryAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["compute"] = ResourceCategories.Vm,
        [ResourceCategories.Vm] = ResourceCategories.Vm,
        [ResourceCategories.Storage] = ResourceCategories.Storage,
        [ResourceCategories.Network] = ResourceCategories.Network,
        [ResourceCategories.Cluster] = ResourceCategories.Cluster,
        [ResourceCategories.Other] = ResourceCategories.Other,
    };

    public static AssetFilters? Parse(IReadOnlyDictionary<string, JsonElement>? filters, out ApiErrorResult? error)
    {
        error = null;
        filters ??= new Dictionary<string, JsonElement>();
        var problems = filters.Keys.Where(k => !Keys.Contains(k, StringComparer.Ordinal))
            .Select(k => new FieldError($"filters.{k}", $"Unknown filter; known filters are {string.Join(", ", Keys)}.")).ToList();

        var categories = new List<string>();
        var types = new List<string>();
        foreach (var value in Strings(filters, "type", problems))
        {
            if (CategoryAliases.TryGetValue(value, out var category))
            {
                categories.Add(category);
            }
            else if (TerraformType().IsMatch(value))
            {
                types.Add(value);
            }
            else
            {
                problems.Add(new FieldError("filters.type",
                    $"'{value}' is neither a category (compute, {string.Join(", ", ResourceCategories.All)}) nor a Terraform type."));
            }
        }

        var providers = Strings(filters, "provider", problems).Select(p => p.ToLowerInvariant()).ToList();
        problems.AddRange(providers.Where(p => !ProviderKinds.IsKnown(p)).Select(p => new FieldError("filters.provider",
            $"'{p}' is not a provider; known providers are {string.Join(", ", ProviderKinds.All)}.")));
        var statuses = Strings(filters, "status", problems);
        var regions = Strings(filters, "region", problems);
        var accountId = ParseAccount(filters, problems);
        var tags = ParseTags(filters, problems);
        if (problems.Count > 0)
        {
            error = ApiErrors.Validation(
                $"Invalid filters: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"))}", problems);
            return null;
        }

        return new(categories, types, providers, statuses, regions, accountId, tags);
    }

    private static List<string> Strings(IReadOnlyDictionary<string, JsonElement> filters, string key, List<FieldError> problems)
    {
        if (!filters.TryGetValue(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        if (items.Count == 0 || items.Any(i => i.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(i.GetString())))
        {
            problems.Add(new FieldError($"filters.{key}", "Must be a non-empty string or a non-empty list of strings."));
            return [];
        }

        return [.. items.Select(i => i.GetString()!.Trim())];
    }

    private static Guid? ParseAccount(IReadOnlyDictionary<string, JsonElement> filters, List<FieldError> problems)
    {
        if (!filters.TryGetValue("account_id", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
        {
            return id;
        }

        problems.Add(new FieldError("filters.account_id", "Must be a UUID."));
        return null;
    }

    private static Dictionary<string, string> ParseTags(IReadOnlyDictionary<string, JsonElement> filters, List<FieldError> problems)
    {
        if (!filters.TryGetValue("tags", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FieldError("filters.tags", "Must be an object of tag names to values."));
            return [];
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in value.EnumerateObject())
        {
            if (tag.Value.ValueKind == JsonValueKind.String)
            {
                tags[tag.Name] = tag.Value.GetString()!;
            }
            else
            {
                problems.Add(new FieldError($"filters.tags.{tag.Name}", "Tag values are strings."));
            }
        }

        return tags;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*_[a-z0-9_]+$")]
    private static partial Regex TerraformType();
}
