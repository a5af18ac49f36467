using System.Globalization;

namespace IacPlatform.State.Logs;

/// <summary>
/// Terraform's human-readable output, with or without colours, optionally with a timestamp before each line (as CI
/// runners and the seed's log stream write it). It reads the plan's <c># ADDRESS will be ...</c> headers, the
/// <c>ADDRESS: Creating...</c> progress lines, the <c>Plan:</c> / <c>Apply complete!</c> / <c>Destroy complete!</c>
/// count lines and the <c>Error:</c> / <c>Warning:</c> diagnostics (boxed with ╷│╵ when coloured).
/// </summary>
internal static class TerraformTextParser
{
    private static readonly (string Prefix, string Operation)[] CompleteLines =
    [
        ("Apply complete! Resources: ", "apply"),
        ("Destroy complete! Resources: ", "destroy"),
    ];

    private static readonly string[] Markers =
    [
        "Terraform will perform the following actions", "Terraform used the selected providers",
        "Terraform has been successfully initialized", "Initializing Terraform", "Initializing the backend",
        "Initializing provider plugins", "Initializing modules",
    ];

    /// <exception cref="LogParseException">No line looks like Terraform output.</exception>
    public static TerraformLogSummary Parse(LogLines lines)
    {
        var tally = new TerraformRunTally();
        var recognized = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = LogText.Clean(lines.Span(i));
            if (LogText.TryReadTimestamp(line, out var at, out var rest))
            {
                tally.Observe(at);
                line = rest;
            }

            var text = StripBox(line).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (TerraformTextDiagnostics.IsStart(text))
            {
                i = TerraformTextDiagnostics.Read(lines, i, text, line.StartsWith('│'), tally, out var sourced);
                recognized |= sourced;
                continue;
            }

            if (!TerraformResourceLines.TryPlanHeader(text, tally) && !TerraformResourceLines.TryProgress(text, tally)
                && !TrySummary(text, tally))
            {
                recognized |= TryOther(text, tally);
            }
        }

        if (!recognized && !tally.Recognized)
        {
            throw new LogParseException(
                "No Terraform output was recognized. Expected the -json output of terraform plan/apply, the JSON of "
                + "'terraform show -json PLANFILE', or text lines such as 'aws_instance.web: Creating...', "
                + "'Plan: 1 to add, 0 to change, 0 to destroy.' or 'Apply complete! Resources: 1 added, 0 changed, 0 destroyed.'");
        }

        return tally.Build("text");
    }

    /// <summary>The line without the <c>│ </c> that frames a coloured diagnostic.</summary>
    public static string StripBox(string line) =>
        line.StartsWith('│') ? line.AsSpan(1).StartsWith(" ", StringComparison.Ordinal) ? line[2..] : line[1..] : line;

    /// <summary>Whether a line starts another event, which ends an unframed diagnostic.</summary>
    public static bool IsEvent(string text) =>
        TerraformTextDiagnostics.IsStart(text) || TerraformResourceLines.IsProgress(text)
        || text.StartsWith("Plan: ", StringComparison.Ordinal) || text.StartsWith("Apply complete!", StringComparison.Ordinal)
        || text.StartsWith("Destroy complete!", StringComparison.Ordinal);

    private static bool TrySummary(string text, TerraformRunTally tally)
    {
        if (text.StartsWith("Plan: ", StringComparison.Ordinal) && text.Contains(" to ", StringComparison.Ordinal))
        {
            var (add, change, remove, import) = Counts(text["Plan: ".Length..]);
            tally.Summary("plan", add, change, remove, import);
            return true;
        }

        foreach (var (prefix, operation) in CompleteLines)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                var (add, change, remove, import) = Counts(text[prefix.Length..]);
                tally.Summary(operation, add, change, remove, import);
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads "1 imported, 2 added, 0 changed, 0 destroyed." or "3 to add, 0 to change, 0 to destroy.".</summary>
    private static (int Add, int Change, int Remove, int? Import) Counts(string list)
    {
        var end = list.IndexOf('.', StringComparison.Ordinal);
        int add = 0, change = 0, remove = 0;
        int? import = null;
        foreach (var part in (end >= 0 ? list[..end] : list).Split(',', StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !int.TryParse(part.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                continue;
            }

            var word = part[(part.LastIndexOf(' ') + 1)..];
            switch (word)
            {
                case "add" or "added":
                    add = n;
                    break;
                case "change" or "changed":
                    change = n;
                    break;
                case "destroy" or "destroyed":
                    remove = n;
                    break;
                case "import" or "imported":
                    import = n;
                    break;
            }
        }

        return (add, change, remove, import);
    }

    /// <summary>Lines that say what kind of run this is without changing the counts.</summary>
    private static bool TryOther(string text, TerraformRunTally tally)
    {
        if (text.StartsWith("No changes.", StringComparison.Ordinal))
        {
            tally.NoChanges();
            return true;
        }

        if (text.StartsWith("Planning failed.", StringComparison.Ordinal))
        {
            tally.PlanSeen();
            tally.Failed();
            return true;
        }

        if (text.StartsWith("Terraform v", StringComparison.Ordinal) && text.Length > 11 && char.IsAsciiDigit(text[11]))
        {
            var end = text.IndexOf(' ', 11);
            tally.TerraformVersion = end > 0 ? text[11..end] : text[11..];
            return true;
        }

        if (text.StartsWith("Terraform will perform", StringComparison.Ordinal)
            || text.StartsWith("Terraform used the selected providers", StringComparison.Ordinal))
        {
            tally.PlanSeen();
            return true;
        }

        foreach (var marker in Markers)
        {
            if (text.StartsWith(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
