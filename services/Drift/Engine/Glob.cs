namespace IacPlatform.Drift.Engine;

/// <summary>Glob matching without regular expressions: <c>*</c>, <c>**</c> and <c>?</c>, ordinal.</summary>
internal static class Glob
{
    /// <summary>
    /// Whether <paramref name="text"/> matches <paramref name="pattern"/> whole. With
    /// <paramref name="starCrossesDots"/> false, <c>*</c> stops at a dot and <c>**</c> does not.
    /// </summary>
    public static bool Matches(string pattern, string text, bool starCrossesDots)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        return Match(pattern.AsSpan(), text.AsSpan(), starCrossesDots);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool starCrossesDots)
    {
        while (!pattern.IsEmpty)
        {
            var c = pattern[0];
            if (c == '*')
            {
                var doubleStar = pattern.Length > 1 && pattern[1] == '*';
                var rest = pattern[(doubleStar ? 2 : 1)..];
                var crosses = starCrossesDots || doubleStar;
                for (var i = 0; i <= text.Length; i++)
                {
                    if (Match(rest, text[i..], starCrossesDots))
                    {
                        return true;
                    }

                    if (i < text.Length && text[i] == '.' && !crosses)
                    {
                        return false;
                    }
                }

                return false;
            }

            if (text.IsEmpty || (c != '?' && c != text[0]))
            {
                return false;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.IsEmpty;
    }
}
