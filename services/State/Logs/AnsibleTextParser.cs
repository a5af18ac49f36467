using System.Globalization;

namespace IacPlatform.State.Logs;

/// <summary>
/// The default stdout callback (<c>PLAY [name] ***</c>, <c>TASK [name] ***</c>, <c>ok: [host]</c>,
/// <c>changed: [host]</c>, <c>skipping: [host]</c>, <c>fatal: [host]: FAILED! =&gt; {...}</c>,
/// <c>fatal: [host]: UNREACHABLE! =&gt; {...}</c>, <c>...ignoring</c>, <c>PLAY RECAP</c>), coloured or not, and the
/// same lines in a log_path file where each carries a timestamp prefix.
/// </summary>
internal static class AnsibleTextParser
{
    private static readonly string[] TaskBanners = ["TASK [", "RUNNING HANDLER [", "CLEANUP TASK ["];

    /// <summary>The summary, or null when no line looks like ansible-playbook output.</summary>
    public static AnsibleLogSummary? TryParse(LogLines lines, string? sourceName)
    {
        var tally = new AnsibleRunTally();
        var inRecap = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = LogText.Clean(lines.Span(i));
            if (LogText.TryReadTimestamp(line, out var at, out var rest))
            {
                tally.Observe(at);
                line = rest;
            }

            // Outside the recap (whose lines start with host names) every line this parser reads starts with one
            // of these letters; skip the rest cheaply.
            if (line.Length == 0 || (!inRecap && !"PTRCocsf.E".Contains(line[0], StringComparison.Ordinal)))
            {
                continue;
            }

            if (line.StartsWith("PLAY RECAP", StringComparison.Ordinal))
            {
                inRecap = true;
            }
            else if (line.StartsWith("PLAY [", StringComparison.Ordinal) || line.StartsWith("PLAY *", StringComparison.Ordinal))
            {
                inRecap = false;
                tally.StartPlay(BannerName(line, "PLAY [".Length));
            }
            else if (TaskBanner(line) is { } banner)
            {
                inRecap = false;
                tally.StartTask(BannerName(line, banner.Length));
            }
            else if (inRecap && TryRecap(line, out var host, out var stats))
            {
                tally.Stats(host, stats);
            }
            else if (line.StartsWith("...ignoring", StringComparison.Ordinal))
            {
                tally.IgnoreLastFailure();
            }
            else if (line.StartsWith("ERROR! ", StringComparison.Ordinal))
            {
                tally.FatalError();
            }
            else
            {
                TryResult(line, tally);
            }
        }

        return tally.Recognized ? tally.Build("text", sourceName) : null;
    }

    private static string? TaskBanner(string line)
    {
        foreach (var banner in TaskBanners)
        {
            if (line.StartsWith(banner, StringComparison.Ordinal))
            {
                return banner;
            }
        }

        return null;
    }

    /// <summary>The name inside <c>PLAY [name] ****</c>; ansible pads banners with stars to the terminal width.</summary>
    private static string BannerName(string line, int start)
    {
        var end = line.TrimEnd('*', ' ');
        return end.Length > start && end.EndsWith(']') ? end[start..^1] : "";
    }

    private static void TryResult(string line, AnsibleRunTally tally)
    {
        var (outcome, prefix) = line switch
        {
            _ when line.StartsWith("ok: [", StringComparison.Ordinal) => (AnsibleOutcome.Ok, "ok: ["),
            _ when line.StartsWith("changed: [", StringComparison.Ordinal) => (AnsibleOutcome.Ok, "changed: ["),
            _ when line.StartsWith("skipping: [", StringComparison.Ordinal) => (AnsibleOutcome.Skipped, "skipping: ["),
            _ when line.StartsWith("fatal: [", StringComparison.Ordinal) => (AnsibleOutcome.Failed, "fatal: ["),
            _ when line.StartsWith("failed: [", StringComparison.Ordinal) => (AnsibleOutcome.Failed, "failed: ["),
            _ => (AnsibleOutcome.Skipped, ""),
        };
        var close = prefix.Length == 0 ? -1 : line.IndexOf(']', prefix.Length);
        if (close <= prefix.Length)
        {
            return;
        }

        // "ok: [web -> db]" is a task delegated to db; the result belongs to web.
        var host = line[prefix.Length..close];
        var arrow = host.IndexOf(" -> ", StringComparison.Ordinal);
        host = (arrow > 0 ? host[..arrow] : host).Trim();
        var after = line.AsSpan(close + 1);
        if (prefix == "fatal: [" && after.StartsWith(": UNREACHABLE!", StringComparison.Ordinal))
        {
            outcome = AnsibleOutcome.Unreachable;
        }

        var changed = prefix == "changed: ["
            || (outcome == AnsibleOutcome.Failed && after.Contains("\"changed\": true", StringComparison.Ordinal));
        tally.Record(host, outcome, changed);
    }

    /// <summary><c>web-1 : ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0</c>.</summary>
    private static bool TryRecap(string line, out string host, out AnsibleHostStats stats)
    {
        host = "";
        stats = null!;
        var colon = line.IndexOf(" : ", StringComparison.Ordinal);
        if (colon <= 0 || !line.Contains("ok=", StringComparison.Ordinal))
        {
            return false;
        }

        host = line[..colon].Trim();
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in line[(colon + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && int.TryParse(pair.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                values[pair[..eq]] = n;
            }
        }

        stats = new AnsibleHostStats(
            values.GetValueOrDefault("ok"), values.GetValueOrDefault("changed"), values.GetValueOrDefault("unreachable"),
            values.GetValueOrDefault("failed"), values.GetValueOrDefault("skipped"), values.GetValueOrDefault("rescued"),
            values.GetValueOrDefault("ignored"));
        return host.Length > 0 && values.ContainsKey("ok");
    }
}
