using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Sandbox;

/// <summary>One managed resource instance of a Terraform state, as the sandbox cloud holds it.</summary>
internal sealed record TfstateResource(
    string Address, string Type, string NativeId, string Name, string Region, string Status,
    Dictionary<string, string> Tags, JsonObject Attributes);

/// <summary>
/// Reads the managed resource instances of a tfstate (format version 4) for seeding the sandbox: Terraform's
/// <c>id</c> becomes the native id, <c>tags</c>/<c>labels</c> the tags (the rest stays in attributes, like the
/// real adapters report them), the region from region/location/availability_zone/zone, else the account's.
/// </summary>
internal static class TfstateResources
{
    public const int MaxResources = 200_000;

    public static (List<TfstateResource> Resources, string? Error) Read(JsonNode? state, string defaultRegion)
    {
        if (state is not JsonObject root)
        {
            return ([], "The state must be a JSON object (a terraform.tfstate file).");
        }

        if (root["version"] is not JsonValue version || !version.TryGetValue<int>(out var number) || number != 4)
        {
            return ([], "Only state format version 4 (Terraform 0.12 and later) can seed the sandbox.");
        }

        if (root["resources"] is not JsonArray resources)
        {
            return ([], null);
        }

        var result = new List<TfstateResource>();
        foreach (var (resource, index) in resources.Select((r, i) => (r as JsonObject, i)))
        {
            if (resource is null || (string?)resource["mode"] != "managed")
            {
                continue;
            }

            var type = resource["type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : null;
            var name = resource["name"] is JsonValue n && n.TryGetValue<string>(out var resourceName) ? resourceName : null;
            if (type is null || name is null || resource["instances"] is not JsonArray instances)
            {
                return ([], $"resources[{index}] needs type, name and instances.");
            }

            var module = resource["module"] is JsonValue m && m.TryGetValue<string>(out var moduleName) ? moduleName + "." : "";
            foreach (var instance in instances.OfType<JsonObject>())
            {
                if (instance["attributes"] is not JsonObject attributes || instance["deposed"] is not null)
                {
                    continue;
                }

                var id = Text(attributes["id"]);
                if (string.IsNullOrEmpty(id))
                {
                    continue;
                }

                var address = module + type + "." + name + IndexSuffix(instance["index_key"]);
                var copy = (JsonObject)attributes.DeepClone();
                var tags = ReadTags(copy);
                result.Add(new TfstateResource(address, type, id,
                    tags.GetValueOrDefault("Name") ?? Text(copy["name"]) ?? name,
                    RegionOf(copy) ?? defaultRegion,
                    (Text(copy["instance_state"]) ?? Text(copy["status"]) ?? Text(copy["state"]) ?? "active").ToLowerInvariant(),
                    tags, copy));
                if (result.Count > MaxResources)
                {
                    return ([], $"The state has more than {MaxResources} resource instances.");
                }
            }
        }

        return (result, null);
    }

    private static Dictionary<string, string> ReadTags(JsonObject attributes)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { "tags", "labels" })
        {
            if (attributes[key] is JsonObject map)
            {
                foreach (var (tag, value) in map)
                {
                    tags[tag] = Text(value) ?? "";
                }
            }
        }

        // tags_all/effective_labels/terraform_labels are Terraform's computed views of the same map.
        foreach (var key in new[] { "tags", "tags_all", "labels", "effective_labels", "terraform_labels" })
        {
            attributes.Remove(key);
        }

        return tags;
    }

    private static string? RegionOf(JsonObject attributes)
    {
        if (Text(attributes["region"]) is { Length: > 0 } region)
        {
            return region;
        }

        if (Text(attributes["location"]) is { Length: > 0 } location)
        {
            return location.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        }

        if (Text(attributes["availability_zone"]) is { Length: > 1 } zone && char.IsAsciiLetterLower(zone[^1]))
        {
            return zone[..^1];
        }

        if (Text(attributes["zone"]) is { } gcpZone && gcpZone.LastIndexOf('-') is > 0 and var dash)
        {
            return gcpZone[..dash];
        }

        return null;
    }

    private static string IndexSuffix(JsonNode? key) => key switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => $"[\"{text}\"]",
        JsonValue value when value.TryGetValue<long>(out var number) => $"[{number.ToString(CultureInfo.InvariantCulture)}]",
        _ => $"[{key.ToJsonString()}]",
    };

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };
}
