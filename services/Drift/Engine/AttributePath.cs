using System.Globalization;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// The path being walked, as a reusable stack of segments (keys or list indexes); a string or array is only made
/// when a difference is recorded.
/// </summary>
internal sealed class AttributePath
{
    private Segment[] segments = new Segment[16];

    public int Depth { get; private set; }

    public void Push(string key) => Push(new Segment(key, -1));

    public void Push(int index) => Push(new Segment(null, index));

    public void Pop() => Depth--;

    public string[] ToArray()
    {
        var result = new string[Depth];
        for (var i = 0; i < Depth; i++)
        {
            result[i] = segments[i].Key ?? segments[i].Index.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    private void Push(Segment segment)
    {
        if (Depth == segments.Length)
        {
            Array.Resize(ref segments, Depth * 2);
        }

        segments[Depth++] = segment;
    }

    private readonly record struct Segment(string? Key, int Index);
}
