using System.Text.Json;

namespace IacPlatform.State.Tfstate;

internal static partial class TfstateScanner
{
    private static void ReadInstances(ref Utf8JsonReader reader, Collector found, int resource)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TfstateFormatException($"resources[{resource}].instances",
                $"resources[{resource}].instances must be an array, but it is {TfstateJson.Describe(ref reader)}.");
        }

        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var path = InstancePath(resource, index);
                throw new TfstateFormatException(path, $"{path} must be an object, but it is {TfstateJson.Describe(ref reader)}.");
            }

            var key = InstanceKey.None;
            var deposed = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("index_key"u8))
                {
                    key = ReadIndexKey(ref reader, resource, index);
                }
                else if (reader.ValueTextEquals("deposed"u8))
                {
                    deposed = ReadDeposed(ref reader, resource, index);
                }
                else
                {
                    reader.Skip();
                }
            }

            found.Instances.Add((key, deposed));
        }
    }

    private static bool ReadDeposed(ref Utf8JsonReader reader, int resource, int index)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.ValueSpan.Length > 0,
            JsonTokenType.Null => false,
            _ => throw new TfstateFormatException($"{InstancePath(resource, index)}.deposed",
                $"{InstancePath(resource, index)}.deposed must be a string, but it is {TfstateJson.Describe(ref reader)}."),
        };
    }

    private static string InstancePath(int resource, int index) => $"resources[{resource}].instances[{index}]";

    private static InstanceKey ReadIndexKey(ref Utf8JsonReader reader, int resource, int index)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return InstanceKey.Of(number);
        }

        return reader.TokenType switch
        {
            JsonTokenType.String => InstanceKey.Of(reader.GetString()!),
            JsonTokenType.Null => InstanceKey.None,
            _ => throw new TfstateFormatException($"{InstancePath(resource, index)}.index_key",
                $"{InstancePath(resource, index)}.index_key must be an integer (count) or a string (for_each), but it is {TfstateJson.Describe(ref reader)}."),
        };
    }
}
