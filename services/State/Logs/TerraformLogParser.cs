using System.Text.Json;

namespace IacPlatform.State.Logs;

/// <summary>
/// Summarizes an uploaded Terraform log (seed 003, POST /api/v1/terraform/parse-logs). The format is detected from
/// the content: one JSON document is plan JSON (<c>terraform show -json</c>); JSON lines are the -json UI stream;
/// anything else is read as the human-readable output.
/// </summary>
internal static class TerraformLogParser
{
    /// <exception cref="LogParseException">The input is empty, binary, or not a Terraform log in any known format.</exception>
    public static TerraformLogSummary Parse(string text)
    {
        LogText.EnsureText(text, "Terraform");
        var trimmed = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (trimmed.StartsWith("{", StringComparison.Ordinal) && TryParseDocument(text, out var document))
        {
            using (document)
            {
                return FromDocument(document.RootElement);
            }
        }

        var lines = new LogLines(text);
        if (TerraformUiJsonParser.TryParse(lines, out var verdict) is { } summary)
        {
            return summary;
        }

        // Mostly JSON, yet no Terraform message among it: say what is wrong with the JSON instead of "no text found".
        if (verdict.Messages == 0 && verdict.JsonLikeLines * 2 >= verdict.NonEmptyLines)
        {
            throw new LogParseException(
                $"None of the {verdict.JsonLikeLines} JSON lines is a Terraform machine-readable UI message "
                + $"(-json output); first problem at {verdict.FirstProblem}.");
        }

        return TerraformTextParser.Parse(lines);
    }

    /// <summary>Parses the whole input as one JSON value; JSON lines fail here (cheaply, at the second line).</summary>
    private static bool TryParseDocument(string text, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(text, LogText.JsonOptions);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }

    private static TerraformLogSummary FromDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new LogParseException($"The Terraform log is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        }

        if (TerraformPlanJsonParser.IsPlan(root))
        {
            return TerraformPlanJsonParser.Parse(root);
        }

        if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && root.TryGetProperty("@message", out _))
        {
            return TerraformUiJsonParser.Single(root);
        }

        if (root.TryGetProperty("format_version", out _) && root.TryGetProperty("values", out _))
        {
            throw new LogParseException(
                "This is Terraform state as 'terraform show -json' prints it, not a plan or a run log; "
                + "upload 'terraform show -json PLANFILE' or the -json output of plan/apply.");
        }

        if (root.TryGetProperty("plays", out _) && root.TryGetProperty("stats", out _))
        {
            throw new LogParseException("This is an Ansible json callback log; upload it to /api/v1/ansible/parse-logs.");
        }

        throw new LogParseException(
            "The JSON document is neither a Terraform plan ('terraform show -json PLANFILE', with format_version and "
            + "resource_changes) nor Terraform -json UI output (one object per line with \"type\" and \"@message\").");
    }
}
