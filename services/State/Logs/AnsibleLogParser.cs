using System.Text.Json;

namespace IacPlatform.State.Logs;

/// <summary>
/// Summarizes an uploaded ansible-playbook log (seed 003, POST /api/v1/ansible/parse-logs). A JSON document is the
/// json callback's output (warnings printed before it are skipped); anything else is read as the default text output.
/// </summary>
internal static class AnsibleLogParser
{
    /// <param name="sourceName">The uploaded file's name (<c>deploy.yml</c>); when given it names the single playbook entry.</param>
    /// <exception cref="LogParseException">The input is empty, binary, or not an ansible-playbook log.</exception>
    public static AnsibleLogSummary Parse(string text, string? sourceName = null)
    {
        LogText.EnsureText(text, "Ansible");
        var start = JsonStart(text, out var afterWarnings);
        string? jsonProblem = null;
        if (start >= 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text.AsMemory(start), LogText.JsonOptions);
                if (!afterWarnings || AnsibleJsonParser.IsCallbackOutput(document.RootElement))
                {
                    return FromDocument(document.RootElement, sourceName);
                }
            }
            catch (JsonException ex) when (!afterWarnings)
            {
                jsonProblem = ex.Message;
            }
            catch (JsonException)
            {
                // A "{" line inside a text log that is not the callback's document.
            }
        }

        var lines = new LogLines(text);
        if (AnsibleTextParser.TryParse(lines, sourceName) is { } summary)
        {
            return summary;
        }

        if (jsonProblem is not null)
        {
            throw new LogParseException(LooksLikeTerraformJson(lines)
                ? "This is Terraform -json output; upload it to /api/v1/terraform/parse-logs."
                : $"The Ansible log starts like JSON but is not valid JSON: {jsonProblem}");
        }

        throw new LogParseException(
            "No ansible-playbook output was recognized. Expected the json callback's output (ANSIBLE_STDOUT_CALLBACK=json) "
            + "or the default text output with 'PLAY [...]', 'TASK [...]', 'ok: [host]' lines and a PLAY RECAP.");
    }

    /// <summary>
    /// Where the JSON document starts: the first character, or else (<paramref name="afterWarnings"/>) the first line
    /// that is just "{", as when warnings went to the same file as the callback's output.
    /// </summary>
    private static int JsonStart(string text, out bool afterWarnings)
    {
        afterWarnings = false;
        var first = text.AsSpan().IndexOfAnyExcept("\uFEFF \t\r\n");
        if (first >= 0 && text[first] == '{')
        {
            return first;
        }

        afterWarnings = true;
        var brace = text.IndexOf("\n{\n", StringComparison.Ordinal);
        return brace >= 0 ? brace + 1 : text.IndexOf("\n{\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? crlf + 1 : -1;
    }

    private static AnsibleLogSummary FromDocument(JsonElement root, string? sourceName)
    {
        if (AnsibleJsonParser.IsCallbackOutput(root))
        {
            return AnsibleJsonParser.Parse(root, sourceName);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format_version", out _))
        {
            throw new LogParseException("This is Terraform JSON; upload it to /api/v1/terraform/parse-logs.");
        }

        throw new LogParseException(
            "The JSON document is not output of Ansible's json callback (expected \"plays\" and \"stats\").");
    }

    private static bool LooksLikeTerraformJson(LogLines lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Span(i).Trim();
            if (!line.IsEmpty)
            {
                return line[0] == '{' && line.Contains("\"@message\"", StringComparison.Ordinal)
                    && line.Contains("\"type\"", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
