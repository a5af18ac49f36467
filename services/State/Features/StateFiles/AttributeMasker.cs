using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.State.Tfstate;

namespace IacPlatform.State.Features.StateFiles;

/// <summary>
/// Copies attribute JSON for an API answer with every value under a sensitive path replaced, so a password that
/// Terraform marked sensitive never leaves the service through the management API.
/// </summary>
internal static class AttributeMasker
{
    /// <summary>The same mark the state diff and the plan-log summaries use.</summary>
    public const string Masked = StateDiff.SensitiveText;

    /// <summary>A root output's value for an API answer: masked when Terraform marked it sensitive.</summary>
    public static JsonNode? MaskOutput(TfstateOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Sensitive ? JsonValue.Create(Masked) : JsonNode.Parse(output.Value.GetRawText());
    }

    public static JsonNode? Mask(JsonElement? attributes, IReadOnlyList<string> sensitivePaths)
    {
        if (attributes is not { } value)
        {
            return null;
        }

        var path = new StringBuilder();
        return Copy(value, path, sensitivePaths);
    }

    public static JsonNode? Mask(IReadOnlyDictionary<string, string>? flat, IReadOnlyList<string> sensitivePaths)
    {
        if (flat is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in flat)
        {
            result[key] = SensitivePaths.IsSensitive(key, sensitivePaths) ? Masked : value;
        }

        return result;
    }

    private static JsonNode? Copy(JsonElement value, StringBuilder path, IReadOnlyList<string> sensitivePaths)
    {
        if (path.Length > 0 && SensitivePaths.IsSensitive(path.ToString(), sensitivePaths))
        {
            return JsonValue.Create(Masked);
        }

        var length = path.Length;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    AttributePaths.AppendName(path, property.Name);
                    obj[property.Name] = Copy(property.Value, path, sensitivePaths);
                    path.Length = length;
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                var index = 0L;
                foreach (var item in value.EnumerateArray())
                {
                    AttributePaths.AppendIndex(path, index++);
                    array.Add(Copy(item, path, sensitivePaths));
                    path.Length = length;
                }

                return array;
            default:
                return JsonNode.Parse(value.GetRawText());
        }
    }
}
