using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IacPlatform.State.Logs;

/// <summary>Line handling shared by the Terraform and Ansible log parsers: input checks, ANSI colours, timestamps.</summary>
internal static class LogText
{
    /// <summary>Deep enough for real plans and callback output, shallow enough to keep recursion over values cheap.</summary>
    public static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 128 };

    private const int BinarySampleLength = 8192;

    /// <summary>Rejects input that cannot be a log at all, before any format is tried.</summary>
    /// <exception cref="LogParseException">The text is empty, blank, or looks like binary data.</exception>
    public static void EnsureText(string? text, string tool)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new LogParseException($"The {tool} log is empty.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new LogParseException($"The {tool} log contains NUL bytes; it looks like a binary file, not a text log.");
        }

        // Text logs carry tabs, newlines and ANSI escapes, almost never other control characters; a decoder that met
        // non-UTF-8 bytes leaves U+FFFD behind.
        var sample = text.AsSpan(0, Math.Min(text.Length, BinarySampleLength));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\u001b')))
            {
                suspicious++;
            }
        }

        if (suspicious * 100 > sample.Length)
        {
            throw new LogParseException(
                $"The {tool} log does not look like text ({suspicious} control or undecodable characters in the first "
                + $"{sample.Length}); upload the plain-text or JSON output.");
        }
    }

    /// <summary>The line without ANSI escape sequences (colours, cursor moves, titles) and trailing whitespace.</summary>
    public static string Clean(ReadOnlySpan<char> line)
    {
        var escape = line.IndexOf('\u001b');
        if (escape < 0)
        {
            return line.TrimEnd().ToString();
        }

        // One forward pass, no regex: CSI "ESC [ params intermediates final", OSC "ESC ] text (BEL | ESC \\)",
        // nF "ESC intermediates final" and two-character escapes. An unfinished sequence at the end is dropped.
        var clean = new StringBuilder(line.Length);
        var i = 0;
        while (escape >= 0)
        {
            clean.Append(line.Slice(i, escape));
            i += escape + 1;
            if (i < line.Length)
            {
                i = SkipEscape(line, i);
            }

            escape = i < line.Length ? line[i..].IndexOf('\u001b') : -1;
        }

        if (i < line.Length)
        {
            clean.Append(line[i..]);
        }

        return clean.ToString().TrimEnd();
    }

    /// <summary>Skips the escape sequence whose first character after ESC is at <paramref name="i"/>.</summary>
    private static int SkipEscape(ReadOnlySpan<char> line, int i)
    {
        switch (line[i])
        {
            case '[':
                i++;
                while (i < line.Length && line[i] is >= '0' and <= '?')
                {
                    i++;
                }

                while (i < line.Length && line[i] is >= ' ' and <= '/')
                {
                    i++;
                }

                return i < line.Length && line[i] is >= '@' and <= '~' ? i + 1 : i;
            case ']':
                var end = line[i..].IndexOfAny('\u0007', '\u001b');
                if (end < 0)
                {
                    return line.Length;
                }

                i += end;
                return line[i] == '\u0007' ? i + 1 : i + 1 < line.Length && line[i + 1] == '\\' ? i + 2 : i;
            case >= ' ' and <= '/':
                // nF escapes such as "ESC ( B" (select character set, which tput sgr0 emits).
                while (i < line.Length && line[i] is >= ' ' and <= '/')
                {
                    i++;
                }

                return i < line.Length && line[i] is >= '0' and <= '~' ? i + 1 : i;
            case >= '@' and <= '_':
                return i + 1;
            default:
                return i;
        }
    }

    /// <summary>
    /// Reads a timestamp that prefixes a log line: <c>[2024-02-11 22:00:15] </c>, an ISO-8601 stamp as CI runners
    /// write it (<c>2024-02-11T22:00:15.123Z </c>), or Ansible's log_path prefix
    /// (<c>2024-02-11 22:00:15,123 p=123 u=deploy n=ansible | </c>). Stamps without an offset are taken as UTC.
    /// </summary>
    public static bool TryReadTimestamp(string line, out DateTimeOffset at, out string rest)
    {
        at = default;
        rest = line;
        if (line.Length < 20)
        {
            return false;
        }

        if (line[0] == '[')
        {
            var close = line.IndexOf(']', 1);
            if (close is > 10 and < 40 && LooksLikeDate(line.AsSpan(1)) && TryParseInstant(line.AsSpan(1, close - 1), out at))
            {
                rest = line[(close + 1)..].TrimStart();
                return true;
            }

            return false;
        }

        if (!LooksLikeDate(line))
        {
            return false;
        }

        // Ansible's log_path format: "%(asctime)s p=%(process)d u=%(user)s n=%(name)s[ %(levelname)s]| %(message)s".
        if (line.Length > 24 && line[19] == ',' && line.AsSpan(23).StartsWith(" p=", StringComparison.Ordinal))
        {
            var bar = line.IndexOf('|', 24);
            Span<char> stamp = stackalloc char[23];
            line.AsSpan(0, 23).CopyTo(stamp);
            stamp[19] = '.';
            if (bar > 0 && TryParseInstant(stamp, out at))
            {
                rest = line[(bar + 1)..].TrimStart(' ');
                return true;
            }

            return false;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space is > 18 and < 40 && line[10] == 'T' && TryParseInstant(line.AsSpan(0, space), out at))
        {
            rest = line[(space + 1)..];
            return true;
        }

        return false;
    }

    public static bool TryParseInstant(ReadOnlySpan<char> text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static bool LooksLikeDate(ReadOnlySpan<char> s) =>
        s.Length >= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2])
        && char.IsAsciiDigit(s[3]) && s[4] == '-' && s[7] == '-';
}
