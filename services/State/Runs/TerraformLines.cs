using System.Text.Json;

namespace IacPlatform.State.Runs;

/// <summary>
/// What a run's result message is made of: the first error Terraform reported (a <c>-json</c> diagnostic,
/// or an "Error: ..." line of the human output) and the final change summary ("Apply complete! ...").
/// </summary>
public static class TerraformLines
{
    public static string? ErrorSummary(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.TrimStart(' ', '\t', '│', '╷');
        if (trimmed.StartsWith("Error: ", StringComparison.Ordinal))
        {
            return trimmed["Error: ".Length..].Trim();
        }

        if (!TryParse(line, out var root) || !IsType(root, "diagnostic"))
        {
            return null;
        }

        if (!root.TryGetProperty("diagnostic", out var diagnostic) || diagnostic.ValueKind != JsonValueKind.Object
            || !diagnostic.TryGetProperty("severity", out var severity) || severity.ValueKind != JsonValueKind.String
            || severity.GetString() != "error")
        {
            return null;
        }

        var summary = diagnostic.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var detail = diagnostic.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return string.IsNullOrEmpty(detail) ? summary : $"{summary}: {detail}";
    }

    /// <summary>The message of an apply/destroy <c>change_summary</c> line.</summary>
    public static string? ChangeSummary(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!TryParse(line, out var root) || !IsType(root, "change_summary")
            || !root.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Object
            || !changes.TryGetProperty("operation", out var operation) || operation.GetString() is not ("apply" or "destroy"))
        {
            return null;
        }

        return root.TryGetProperty("@message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
    }

    /// <summary>
    /// <c>terraform output -json</c> as the resource's outputs: name → value, sensitive values replaced by
    /// <c>"(sensitive)"</c>. Null when the text is not that document.
    /// </summary>
    public static string? MaskedOutputs(string json, out IReadOnlyList<string> names)
    {
        names = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var found = new List<string>();
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var output in document.RootElement.EnumerateObject())
                {
                    if (output.Value.ValueKind != JsonValueKind.Object)
                    {
                        return null;
                    }

                    var sensitive = output.Value.TryGetProperty("sensitive", out var flag) && flag.ValueKind == JsonValueKind.True;
                    writer.WritePropertyName(output.Name);
                    if (sensitive)
                    {
                        writer.WriteStringValue("(sensitive)");
                    }
                    else if (output.Value.TryGetProperty("value", out var value))
                    {
                        value.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    found.Add(sensitive ? $"{output.Name} (sensitive)" : output.Name);
                }

                writer.WriteEndObject();
            }

            names = found;
            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    private static bool TryParse(string line, out JsonElement root)
    {
        root = default;
        if (!line.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsType(JsonElement root, string type) =>
        root.TryGetProperty("type", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == type;
}
