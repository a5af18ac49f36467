using System.Text.Json;

namespace IacPlatform.State.Tfstate;

internal static partial class TfstateScanner
{
    private static void ReadResources(ref Utf8JsonReader reader, Collector found)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TfstateFormatException("resources", $"\"resources\" must be an array, but it is {TfstateJson.Describe(ref reader)}.");
        }

        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TfstateFormatException($"resources[{index}]",
                    $"resources[{index}] must be an object, but it is {TfstateJson.Describe(ref reader)}.");
            }

            ReadResource(ref reader, found, index);
        }
    }

    private static void ReadResource(ref Utf8JsonReader reader, Collector found, int index)
    {
        // Paths for error messages are only formatted on failure: this loop runs once per resource of a 50 MB state.
        string? mode = null, type = null, name = null, module = null, each = null;
        var hasProvider = false;
        found.Instances.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("mode"u8))
            {
                mode = ReadResourceString(ref reader, index, "mode");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = ReadResourceString(ref reader, index, "type");
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = ReadResourceString(ref reader, index, "name");
            }
            else if (reader.ValueTextEquals("provider"u8))
            {
                hasProvider = ReadResourceString(ref reader, index, "provider") is { Length: > 0 };
            }
            else if (reader.ValueTextEquals("module"u8))
            {
                module = ReadResourceString(ref reader, index, "module");
            }
            else if (reader.ValueTextEquals("each"u8))
            {
                each = ReadResourceString(ref reader, index, "each");
            }
            else if (reader.ValueTextEquals("instances"u8))
            {
                ReadInstances(ref reader, found, index);
            }
            else
            {
                reader.Skip();
            }
        }

        var prefix = ResourcePrefix(found, index, mode, type, name, hasProvider, module, each);
        foreach (var (key, deposed) in found.Instances)
        {
            if (deposed)
            {
                found.Deposed++;
                continue;
            }

            var address = prefix + key;
            if (!found.Seen.Add(address))
            {
                throw new TfstateFormatException($"resources[{index}].instances",
                    $"Resource instance {address} appears more than once in the state.");
            }

            found.Addresses.Add(address);
        }
    }

    private static string? ReadResourceString(ref Utf8JsonReader reader, int index, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new TfstateFormatException($"resources[{index}].{field}",
                $"resources[{index}].{field} must be a string, but it is {TfstateJson.Describe(ref reader)}."),
        };
    }

    /// <summary>Validates the resource's own fields and returns its address without an instance key.</summary>
    private static string ResourcePrefix(
        Collector found, int index, string? mode, string? type, string? name, bool hasProvider, string? module, string? each)
    {
        if (mode is not ("managed" or "data"))
        {
            throw new TfstateFormatException($"resources[{index}].mode",
                $"resources[{index}].mode must be \"managed\" or \"data\", but it is {(mode is null ? "missing" : $"\"{mode}\"")}.");
        }

        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(name))
        {
            var field = string.IsNullOrEmpty(type) ? "type" : "name";
            throw new TfstateFormatException($"resources[{index}].{field}", $"resources[{index}].{field} must be a non-empty string.");
        }

        if (!hasProvider)
        {
            throw new TfstateFormatException($"resources[{index}].provider",
                $"resources[{index}].provider must name the provider configuration, like provider[\"registry.terraform.io/hashicorp/aws\"].");
        }

        if (each is not (null or "" or "list" or "map"))
        {
            throw new TfstateFormatException($"resources[{index}].each", $"resources[{index}].each must be \"list\" or \"map\", but it is \"{each}\".");
        }

        var modulePrefix = "";
        if (!string.IsNullOrEmpty(module))
        {
            if (!found.Modules.TryGetValue(module, out var canonical))
            {
                canonical = ModuleAddress.TryParse(module, out var moduleAddress, out var error)
                    ? moduleAddress.ToString()
                    : throw new TfstateFormatException($"resources[{index}].module", $"resources[{index}].module is not a module address: {error}");
                found.Modules.Add(module, canonical);
            }

            modulePrefix = canonical + ".";
        }

        return modulePrefix + (mode == "data" ? "data." : "") + type + "." + name;
    }
}
