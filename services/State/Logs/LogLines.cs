namespace IacPlatform.State.Logs;

/// <summary>
/// The lines of a log as slices of the original text (LF or CRLF endings). A 10 MB log can hold millions of short
/// lines; keeping offsets instead of a string per line keeps the garbage collector out of the way, and a parser
/// allocates a line only while it looks at it.
/// </summary>
internal sealed class LogLines
{
    private readonly string _text;
    private readonly int[] _starts;

    public LogLines(string text)
    {
        _text = text;
        _starts = new int[text.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts[line++] = i + 1;
        }
    }

    public int Count => _starts.Length;

    public ReadOnlyMemory<char> Memory(int index)
    {
        var start = _starts[index];
        var end = index + 1 < _starts.Length ? _starts[index + 1] - 1 : _text.Length;
        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        return _text.AsMemory(start, end - start);
    }

    public ReadOnlySpan<char> Span(int index) => Memory(index).Span;
}
