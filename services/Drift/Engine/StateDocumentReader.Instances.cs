using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>Instances: key, deposed marker, attributes (or legacy flat attributes).</summary>
internal sealed partial class StateDocumentReader
{
    private bool ReadInstances(ref Utf8JsonReader reader, int resourceIndex, bool skip)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (++instanceCount > StateResources.MaxInstances)
            {
                error = new StateReadError(StateReadError.TooManyInstances,
                    $"The state has more than {MaxInstancesText} resource instances, the most drift detection reads; split it into smaller states.");
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail($"resources[{resourceIndex}].instances[{index}] must be an object, not {Describe(reader.TokenType)}.");
            }

            if (skip)
            {
                reader.Skip();
            }
            else if (!ReadInstance(ref reader, resourceIndex, index))
            {
                return false;
            }

            index++;
        }

        return true;
    }

    private bool ReadInstance(ref Utf8JsonReader reader, int resourceIndex, int index)
    {
        var suffix = "";
        var deposed = false;
        JsonObject? attributes = null;
        List<KeyValuePair<string, string>>? flat = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("attributes"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    attributes = JsonNodeReader.ReadObject(ref reader, names);
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return Fail($"resources[{resourceIndex}].instances[{index}].attributes must be an object, not {Describe(reader.TokenType)}.");
                }
            }
            else if (reader.ValueTextEquals("index_key"u8))
            {
                reader.Read();
                suffix = reader.TokenType switch
                {
                    JsonTokenType.Number when reader.TryGetInt64(out var count) => TerraformNames.KeySuffix(count),
                    JsonTokenType.String => TerraformNames.KeySuffix(reader.GetString()!),
                    _ => "",
                };
                reader.Skip();
            }
            else if (reader.ValueTextEquals("deposed"u8))
            {
                reader.Read();
                deposed = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("attributes_flat"u8))
            {
                reader.Read();
                flat = ReadFlat(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (attributes is null && flat is not null)
        {
            attributes = FlatAttributes.Expand(flat);
        }

        pending.Add(new PendingInstance(suffix, deposed, attributes));
        return true;
    }

    private static List<KeyValuePair<string, string>>? ReadFlat(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var flat = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                flat.Add(new(key, reader.GetString()!));
            }
            else
            {
                reader.Skip();
            }
        }

        return flat;
    }

    private static string? NativeId(JsonObject attributes) =>
        attributes.TryGetPropertyValue("id", out var id) && id is JsonValue value ? JsonScalars.Text(value) : null;
}
