using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.State.Logs;

/// <summary>
/// The plan representation of <c>terraform show -json PLANFILE</c>: one object with <c>format_version</c> and
/// <c>resource_changes[]</c>, whose <c>change</c> carries <c>actions</c>, <c>before</c> and <c>after</c>. It is the only
/// format with attribute values, so it is also the only one where values are masked: sensitive ones (per
/// <c>before_sensitive</c>/<c>after_sensitive</c>) become <c>(sensitive value)</c>, and values Terraform cannot know
/// yet (<c>after_unknown</c>) become <c>(known after apply)</c>, as Terraform's own plan rendering shows them.
/// </summary>
internal static class TerraformPlanJsonParser
{
    public const string SensitiveMarker = Tfstate.StateDiff.SensitiveText;
    public const string UnknownMarker = "(known after apply)";

    // JsonObject fails on duplicate property names only when first looked into, which could be while the web layer
    // serializes the response; reject them while parsing instead.
    private static readonly JsonDocumentOptions ValueOptions = LogText.JsonOptions with { AllowDuplicateProperties = false };

    /// <summary>A plan has <c>format_version</c> and at least one of the plan-only sections.</summary>
    public static bool IsPlan(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format_version", out _)
        && (root.TryGetProperty("resource_changes", out _) || root.TryGetProperty("planned_values", out _));

    /// <exception cref="LogParseException">A resource change is not shaped as Terraform writes it.</exception>
    public static TerraformLogSummary Parse(JsonElement root)
    {
        var changes = new List<TerraformChange>();
        var modules = new List<string>();
        int created = 0, updated = 0, destroyed = 0, imported = 0;
        if (root.TryGetProperty("resource_changes", out var resourceChanges))
        {
            if (resourceChanges.ValueKind != JsonValueKind.Array)
            {
                throw new LogParseException("The plan's resource_changes must be an array.");
            }

            var index = 0;
            foreach (var item in resourceChanges.EnumerateArray())
            {
                var path = $"resource_changes[{index++}]";
                var (address, change, actions) = Read(item, path);
                var importing = change.TryGetProperty("importing", out var imp) && imp.ValueKind == JsonValueKind.Object;
                var moved = item.TryGetProperty("previous_address", out var previous) && previous.ValueKind == JsonValueKind.String;
                var action = Action(actions, importing);
                if (action == "no-op" && !moved)
                {
                    continue;
                }

                created += action is "create" or "replace" ? 1 : 0;
                updated += action == "update" ? 1 : 0;
                destroyed += action is "delete" or "replace" ? 1 : 0;
                imported += importing ? 1 : 0;
                var module = TerraformModuleNames.Of(String(item, "module_address"), address);
                if (!modules.Contains(module))
                {
                    modules.Add(module);
                }

                changes.Add(new TerraformChange(address, action, Values(change, Before, path), Values(change, After, path), module));
            }
        }

        var counts = TerraformRunTally.Counts(created, updated, destroyed, imported);
        var errored = root.TryGetProperty("errored", out var e) && e.ValueKind == JsonValueKind.True;
        var status = errored ? "failed" : changes.Count == 0 && imported == 0 ? "no_changes" : "success";
        return new TerraformLogSummary(
            "plan_json", "plan", status, null, counts, changes, TerraformRunTally.OrderModules(modules), [],
            String(root, "terraform_version"));
    }

    private static (string Address, JsonElement Change, List<string> Actions) Read(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new LogParseException($"The plan's {path} must be an object.");
        }

        if (String(item, "address") is not { Length: > 0 } address)
        {
            throw new LogParseException($"The plan's {path} has no address.");
        }

        if (!item.TryGetProperty("change", out var change) || change.ValueKind != JsonValueKind.Object
            || !change.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            throw new LogParseException($"The plan's {path} ({address}) has no change.actions array.");
        }

        var words = new List<string>();
        foreach (var action in actions.EnumerateArray())
        {
            words.Add(action.ValueKind == JsonValueKind.String ? action.GetString()! : "");
        }

        return (address, change, words);
    }

    /// <summary>Terraform's action lists (<c>["delete","create"]</c>...) as one word.</summary>
    private static string Action(List<string> actions, bool importing) => actions switch
    {
        ["no-op"] or [] => importing ? "import" : "no-op",
        ["delete", "create"] or ["create", "delete"] or ["forget", "create"] or ["create", "forget"] => "replace",
        [var single] => single,
        _ => string.Join('-', actions),
    };

    private static JsonNode? Values(JsonElement change, Func<JsonElement, JsonNode?> read, string path)
    {
        try
        {
            return read(change);
        }
        catch (JsonException ex)
        {
            throw new LogParseException($"The plan's {path} has attribute values with duplicate property names.", ex);
        }
    }

    private static JsonNode? Before(JsonElement change)
    {
        var value = Node(change, "before");
        return change.TryGetProperty("before_sensitive", out var sensitive) ? Mask(value, sensitive) : value;
    }

    private static JsonNode? After(JsonElement change)
    {
        var value = Node(change, "after");
        if (value is not null && change.TryGetProperty("after_unknown", out var unknown))
        {
            value = MarkUnknown(value, unknown);
        }

        return change.TryGetProperty("after_sensitive", out var sensitive) ? Mask(value, sensitive) : value;
    }

    private static JsonNode? Node(JsonElement change, string name) =>
        change.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? JsonNode.Parse(value.GetRawText(), documentOptions: ValueOptions)
            : null;

    /// <summary>Replaces what <paramref name="mask"/> marks <c>true</c>; the mask mirrors the value's shape.</summary>
    private static JsonNode? Mask(JsonNode? value, JsonElement mask) =>
        Rewrite(value, mask, SensitiveMarker, keepMissing: true);

    private static JsonNode? MarkUnknown(JsonNode? value, JsonElement unknown) =>
        Rewrite(value, unknown, UnknownMarker, keepMissing: false);

    private static JsonNode? Rewrite(JsonNode? value, JsonElement mask, string marker, bool keepMissing)
    {
        switch (mask.ValueKind)
        {
            case JsonValueKind.True:
                // A sensitive null stays null (nothing to hide); an unknown value is absent from "after" altogether.
                return value is null && keepMissing ? null : JsonValue.Create(marker);
            case JsonValueKind.Object when value is JsonObject obj:
                foreach (var property in mask.EnumerateObject())
                {
                    var current = obj[property.Name];
                    if (current is null && keepMissing)
                    {
                        continue;
                    }

                    var rewritten = Rewrite(current, property.Value, marker, keepMissing);
                    if (!ReferenceEquals(rewritten, current))
                    {
                        obj[property.Name] = rewritten;
                    }
                }

                return obj;
            case JsonValueKind.Array when value is JsonArray array:
                var i = 0;
                foreach (var element in mask.EnumerateArray())
                {
                    if (i >= array.Count)
                    {
                        break;
                    }

                    var current = array[i];
                    var rewritten = Rewrite(current, element, marker, keepMissing);
                    if (!ReferenceEquals(rewritten, current))
                    {
                        array[i] = rewritten;
                    }

                    i++;
                }

                return array;
            default:
                return value;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
