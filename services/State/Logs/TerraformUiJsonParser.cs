using System.Text.Json;

namespace IacPlatform.State.Logs;

/// <summary>
/// Terraform's machine-readable UI (<c>terraform plan|apply|destroy|refresh -json</c>): one JSON object per line with
/// <c>@level</c>, <c>@message</c>, <c>@module</c>, <c>@timestamp</c> and <c>type</c>. Lines that are not such messages
/// (a wrapper script's echo, a CI banner) are tolerated up to a tenth of the log.
/// </summary>
internal static class TerraformUiJsonParser
{
    private const int MinimumLinesBeforeGivingUp = 20;

    /// <summary>What the line scan saw, for choosing another format or explaining why none fits.</summary>
    public readonly record struct Verdict(int NonEmptyLines, int Messages, int JsonLikeLines, string? FirstProblem);

    /// <summary>The summary, or null when the lines are not (mostly) UI messages; <paramref name="verdict"/> says why.</summary>
    public static TerraformLogSummary? TryParse(LogLines lines, out Verdict verdict)
    {
        var tally = new TerraformRunTally();
        int nonEmpty = 0, messages = 0, jsonLike = 0, noise = 0;
        string? firstProblem = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Memory(i).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            nonEmpty++;
            if (line.Span[0] == '{' && line.Span[^1] == '}')
            {
                jsonLike++;
                if (TryRead(line, tally, out var problem))
                {
                    messages++;
                    continue;
                }

                firstProblem ??= $"line {i + 1}: {problem}";
            }

            noise++;
            // Give up early once noise outweighs messages: a large text log then costs no JSON parsing, while a JSON
            // log whose noise sits at the top is still read to the end and judged on the whole.
            if (nonEmpty >= MinimumLinesBeforeGivingUp && noise > messages)
            {
                verdict = new Verdict(nonEmpty, messages, jsonLike, firstProblem);
                return null;
            }
        }

        verdict = new Verdict(nonEmpty, messages, jsonLike, firstProblem);
        return messages > noise && noise <= Tolerated(nonEmpty) ? tally.Build("json") : null;
    }

    /// <summary>A log that is a single UI message (the whole input parsed as one JSON object).</summary>
    public static TerraformLogSummary Single(JsonElement message)
    {
        var tally = new TerraformRunTally();
        Apply(message, message.GetProperty("type").GetString() ?? "", tally);
        return tally.Build("json");
    }

    private static int Tolerated(int nonEmptyLines) => Math.Max(2, nonEmptyLines / 10);

    private static bool TryRead(ReadOnlyMemory<char> json, TerraformRunTally tally, out string problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, LogText.JsonOptions);
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON ({ex.Message})";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("@message", out _))
            {
                problem = "valid JSON, but not a Terraform UI message (no \"type\" and \"@message\")";
                return false;
            }

            Apply(root, type.GetString()!, tally);
            problem = "";
            return true;
        }
    }

    private static void Apply(JsonElement message, string type, TerraformRunTally tally)
    {
        if (String(message, "@timestamp") is { } stamp && LogText.TryParseInstant(stamp, out var at))
        {
            tally.Observe(at);
        }

        switch (type)
        {
            case "version":
                tally.TerraformVersion = String(message, "terraform");
                break;
            case "planned_change" when Resource(message, "change") is { } change:
                tally.Planned(change.Address, change.Module, change.Action);
                break;
            case "apply_start" when Resource(message, "hook") is { } hook:
                tally.ApplyStarted(hook.Address, hook.Module, hook.Action);
                break;
            case "apply_complete" when Resource(message, "hook") is { } hook:
                tally.ApplyCompleted(hook.Address, hook.Module, hook.Action);
                break;
            case "apply_errored" or "provision_errored":
                tally.ApplyFailed();
                break;
            case "refresh_start" or "refresh_complete" when Resource(message, "hook") is { } hook:
                tally.Refreshed(hook.Address, hook.Module);
                break;
            case "change_summary" when Object(message, "changes") is { } changes:
                tally.Summary(
                    String(changes, "operation") ?? "unknown", Int(changes, "add"), Int(changes, "change"),
                    Int(changes, "remove"), Int(changes, "import"));
                break;
            case "diagnostic" when Object(message, "diagnostic") is { } diagnostic:
                tally.Diagnostic(new TerraformDiagnostic(
                    String(diagnostic, "severity") ?? "error", String(diagnostic, "summary") ?? "",
                    NullIfEmpty(String(diagnostic, "detail")), NullIfEmpty(String(diagnostic, "address"))));
                break;
        }
    }

    /// <summary>The address, module path and action of a <c>change</c> or <c>hook</c> object.</summary>
    private static (string Address, string? Module, string Action)? Resource(JsonElement message, string property)
    {
        if (Object(message, property) is not { } body || Object(body, "resource") is not { } resource
            || String(resource, "addr") is not { Length: > 0 } address)
        {
            return null;
        }

        return (address, String(resource, "module"), Action(String(body, "action")));
    }

    /// <summary>The UI's action words in the vocabulary of <see cref="TerraformChange.Action"/>.</summary>
    private static string Action(string? action) => action switch
    {
        null => "unknown",
        "noop" or "move" => "no-op",
        "remove" => "forget",
        _ => action,
    };

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number) ? number : 0;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
