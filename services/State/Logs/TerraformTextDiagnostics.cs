namespace IacPlatform.State.Logs;

/// <summary>
/// A diagnostic in Terraform's text output: <c>Error: SUMMARY</c> (or <c>Warning:</c>), then an optional source
/// paragraph (<c>with ADDRESS,</c> / <c>on FILE line N ...:</c> and a code snippet), then the detail. Coloured output
/// frames it between <c>╷</c> and <c>╵</c> with <c>│ </c> before each line; plain output just runs on.
/// </summary>
internal static class TerraformTextDiagnostics
{
    public static bool IsStart(string text) =>
        text.StartsWith("Error: ", StringComparison.Ordinal) || text.StartsWith("Warning: ", StringComparison.Ordinal);

    /// <summary>Reads the diagnostic that starts at <paramref name="start"/>; returns the index of its last line.</summary>
    /// <param name="sourced">True when it names a .tf source location or is framed, so it surely comes from Terraform.</param>
    public static int Read(LogLines lines, int start, string first, bool framed, TerraformRunTally tally, out bool sourced)
    {
        var colon = first.IndexOf(':', StringComparison.Ordinal);
        var severity = first.StartsWith('E') ? "error" : "warning";
        var summary = first[(colon + 1)..].Trim();
        var body = new List<string>();
        var end = start;
        for (var j = start + 1; j < lines.Count; j++)
        {
            var line = LogText.Clean(lines.Span(j));
            var stamped = LogText.TryReadTimestamp(line, out var at, out var rest);
            if (stamped)
            {
                line = rest;
            }

            if (framed)
            {
                if (line.StartsWith('╵'))
                {
                    end = j;
                    break;
                }

                if (!line.StartsWith('│'))
                {
                    break;
                }
            }
            else if (stamped || IsNextEvent(line))
            {
                break;
            }

            if (stamped)
            {
                tally.Observe(at);
            }

            body.Add(TerraformTextParser.StripBox(line));
            end = j;
        }

        var (detail, address, hasSource) = Describe(body);
        sourced = framed || hasSource;
        tally.Diagnostic(new TerraformDiagnostic(severity, summary, detail, address));
        return end;
    }

    private static bool IsNextEvent(string line)
    {
        var text = line.Trim();
        return text.Length > 0 && (text.StartsWith('╷') || TerraformTextParser.IsEvent(text));
    }

    /// <summary>Splits the body into paragraphs; source paragraphs give the address, the others are the detail.</summary>
    private static (string? Detail, string? Address, bool HasSource) Describe(List<string> body)
    {
        var details = new List<string>();
        var paragraph = new List<string>();
        string? address = null;
        var hasSource = false;

        void Flush()
        {
            if (paragraph.Count == 0)
            {
                return;
            }

            var isSource = false;
            foreach (var line in paragraph)
            {
                if (line.StartsWith("with ", StringComparison.Ordinal) && line.EndsWith(',') && line.IndexOf(' ', 5) < 0)
                {
                    address ??= line[5..^1];
                    isSource = true;
                }
                else if (line.StartsWith("on ", StringComparison.Ordinal) && line.Contains(" line ", StringComparison.Ordinal))
                {
                    isSource = true;
                    hasSource = true;
                }
            }

            if (!isSource)
            {
                details.Add(string.Join('\n', paragraph));
            }

            paragraph.Clear();
        }

        foreach (var raw in body)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else
            {
                paragraph.Add(line);
            }
        }

        Flush();
        return (details.Count > 0 ? string.Join("\n\n", details) : null, address, hasSource);
    }
}
