using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>
/// Discovered resources as canonical JSON (keys sorted), so a whole discovery compares against an expected file and
/// a mismatch shows as a readable text diff.
/// </summary>
public static class ResourceSnapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of(IEnumerable<DiscoveredResource> resources) => Canonical(new JsonArray(resources.Select(r => (JsonNode?)new JsonObject
    {
        ["type"] = r.Type,
        ["native_id"] = r.NativeId,
        ["name"] = r.Name,
        ["region"] = r.Region,
        ["status"] = r.Status,
        ["tags"] = new JsonObject(r.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        ["attributes"] = r.Attributes.DeepClone(),
    }).ToArray()));

    public static string OfFile(string file) => Canonical(Testdata.Json(file));

    private static string Canonical(JsonNode node) => Sort(node)!.ToJsonString(Indented);

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Sort(kv.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
