using System.Globalization;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// A cursor over one address string, shared by the resource, module and provider address parsers. Every failure
/// sets <see cref="Error"/> to a sentence fragment naming the character position (1-based), never throws.
/// </summary>
internal ref struct AddressParser(string text)
{
    private int _position;

    public readonly string Text => text;

    public string Error { get; private set; } = "";

    public readonly bool AtEnd => _position >= text.Length;

    public readonly int Position => _position;

    /// <summary>True when the cursor is at <paramref name="word"/> followed by a dot (a keyword, not a longer name).</summary>
    public readonly bool AtKeyword(string word) =>
        text.AsSpan(_position).StartsWith(word, StringComparison.Ordinal)
        && _position + word.Length < text.Length
        && text[_position + word.Length] == '.';

    public readonly bool At(char c) => _position < text.Length && text[_position] == c;

    public void Skip(int count) => _position += count;

    public bool Expect(char c, string what)
    {
        if (At(c))
        {
            _position++;
            return true;
        }

        return Fail(AtEnd ? $"expected {what} after \"{text}\"" : $"expected {what} at character {_position + 1}, found \"{text[_position]}\"");
    }

    /// <summary>Reads a Terraform identifier: a letter or underscore, then letters, digits, underscores or dashes.</summary>
    public bool ReadIdentifier(string what, out string identifier)
    {
        identifier = "";
        var start = _position;
        if (AtEnd || !(char.IsLetter(text[_position]) || text[_position] == '_'))
        {
            return Fail(AtEnd ? $"expected {what} at the end" : $"expected {what} at character {start + 1}, found \"{text[start]}\"");
        }

        while (_position < text.Length && IsIdentifierChar(text[_position]))
        {
            _position++;
        }

        identifier = text[start.._position];
        return true;
    }

    /// <summary>Reads an optional <c>[0]</c> or <c>["key"]</c>; leaves the key as none when there is no bracket.</summary>
    public bool ReadKey(out InstanceKey key)
    {
        key = InstanceKey.None;
        if (!At('['))
        {
            return true;
        }

        var open = _position++;
        if (At('"'))
        {
            var end = HclQuoting.Unquote(text, _position, out var value, out var quoteError);
            if (end < 0)
            {
                return Fail(quoteError);
            }

            _position = end;
            key = InstanceKey.Of(value);
        }
        else
        {
            var start = _position;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            if (_position == start || !long.TryParse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return Fail($"the key at character {open + 1} must be a non-negative integer like [0] or a quoted string like [\"blue\"]");
            }

            key = InstanceKey.Of(index);
        }

        return Expect(']', $"\"]\" to close the key opened at character {open + 1}");
    }

    public bool Fail(string error)
    {
        Error = error;
        return false;
    }

    public static bool IsIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value) || !(char.IsLetter(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsIdentifierChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
