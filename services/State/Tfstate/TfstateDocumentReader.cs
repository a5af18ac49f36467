using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Builds a <see cref="TfstateDocument"/> from bytes that <see cref="TfstateScanner"/> has validated first, so
/// structural errors read the same on every path and this code can rely on the shape it was promised.
/// </summary>
internal static class TfstateDocumentReader
{
    private static readonly JsonElement EmptyObject = ParseEmptyObject();

    public static TfstateDocument Read(ReadOnlyMemory<byte> utf8)
    {
        utf8 = TfstateJson.WithoutBom(utf8);
        var summary = TfstateScanner.Scan(utf8.Span);

        // ParseValue gives a document that is not pooled, so the model's JsonElements need no disposal.
        var reader = new Utf8JsonReader(utf8.Span, TfstateJson.ReaderOptions);
        var root = JsonElement.ParseValue(ref reader);
        return new TfstateDocument
        {
            Serial = summary.Serial,
            Lineage = summary.Lineage,
            TerraformVersion = summary.TerraformVersion,
            Outputs = ReadOutputs(root),
            Resources = ReadResources(root),
            CheckResults = Property(root, "check_results") is { ValueKind: JsonValueKind.Array } results ? ReadCheckResults(results) : null,
            Checks = Property(root, "checks") is { ValueKind: JsonValueKind.Array } checks
                ? [.. checks.EnumerateArray().Select(c => new TfstateLegacyCheck(Text(c, "object") ?? "", Text(c, "status") ?? "", Text(c, "error_message")))]
                : null,
        };
    }

    private static Dictionary<string, TfstateOutput> ReadOutputs(JsonElement root)
    {
        var outputs = new Dictionary<string, TfstateOutput>(StringComparer.Ordinal);
        if (Property(root, "outputs") is { ValueKind: JsonValueKind.Object } all)
        {
            foreach (var output in all.EnumerateObject())
            {
                outputs[output.Name] = new TfstateOutput(output.Name,
                    Property(output.Value, "value") ?? default, Property(output.Value, "type") ?? default,
                    Property(output.Value, "sensitive") is { ValueKind: JsonValueKind.True });
            }
        }

        return outputs;
    }

    private static List<TfstateResource> ReadResources(JsonElement root)
    {
        var resources = new List<TfstateResource>();
        if (Property(root, "resources") is not { ValueKind: JsonValueKind.Array } all)
        {
            return resources;
        }

        var modules = new Dictionary<string, ModuleAddress>(StringComparer.Ordinal);
        foreach (var resource in all.EnumerateArray())
        {
            var moduleText = Text(resource, "module") ?? "";
            if (!modules.TryGetValue(moduleText, out var module))
            {
                module = ModuleAddress.Parse(moduleText);
                modules.Add(moduleText, module);
            }

            var address = new ResourceAddress(module, Text(resource, "mode") == "data" ? ResourceMode.Data : ResourceMode.Managed,
                Text(resource, "type")!, Text(resource, "name")!);
            var instances = Property(resource, "instances") is { ValueKind: JsonValueKind.Array } array
                ? array.EnumerateArray().Select(i => ReadInstance(address, i)).ToList()
                : [];
            resources.Add(new TfstateResource(address, ProviderReference.Parse(Text(resource, "provider")!),
                Text(resource, "each") is { Length: > 0 } each ? each : null, instances));
        }

        return resources;
    }

    private static TfstateInstance ReadInstance(ResourceAddress resource, JsonElement instance)
    {
        var key = Property(instance, "index_key") switch
        {
            { ValueKind: JsonValueKind.Number } number => InstanceKey.Of(number.GetInt64()),
            { ValueKind: JsonValueKind.String } text => InstanceKey.Of(text.GetString()!),
            _ => InstanceKey.None,
        };
        var attributes = Property(instance, "attributes") is { ValueKind: not JsonValueKind.Null } a ? a : (JsonElement?)null;
        var flat = Property(instance, "attributes_flat") is { ValueKind: JsonValueKind.Object } f
            ? f.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
            : null;
        return new TfstateInstance
        {
            Address = resource.WithKey(key),
            SchemaVersion = Property(instance, "schema_version") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var version) ? version : 0,
            // Terraform reads an instance with neither attribute form as an empty object.
            Attributes = attributes ?? (flat is null ? EmptyObject : null),
            AttributesFlat = flat,
            SensitivePaths = Property(instance, "sensitive_attributes") is { } sensitive ? SensitivePaths.Read(sensitive) : [],
            Private = Text(instance, "private"),
            Dependencies = Strings(instance, "dependencies"),
            DependsOn = Strings(instance, "depends_on"),
            CreateBeforeDestroy = Property(instance, "create_before_destroy") is { ValueKind: JsonValueKind.True },
            Status = Text(instance, "status") is { Length: > 0 } status ? status : null,
            Deposed = Text(instance, "deposed") is { Length: > 0 } deposed ? deposed : null,
        };
    }

    private static List<TfstateCheckResult> ReadCheckResults(JsonElement results) =>
    [
        .. results.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).Select(r => new TfstateCheckResult(
            Text(r, "object_kind") ?? "", Text(r, "config_addr") ?? "", Text(r, "status") ?? "",
            Property(r, "objects") is { ValueKind: JsonValueKind.Array } objects
                ? [.. objects.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object)
                    .Select(o => new TfstateCheckObject(Text(o, "object_addr") ?? "", Text(o, "status") ?? "", Strings(o, "failure_messages")))]
                : [])),
    ];

    private static JsonElement ParseEmptyObject()
    {
        var reader = new Utf8JsonReader("{}"u8);
        return JsonElement.ParseValue(ref reader);
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
