using System.Text;

namespace IacPlatform.State.Runs;

/// <summary>The body of an HCL block being built: attributes and nested blocks in the order first set.</summary>
internal sealed class HclBody
{
    private readonly List<(string Name, string? Expression, HclBody? Block)> _items = [];

    public bool IsEmpty => _items.Count == 0;

    /// <summary>Sets <paramref name="path"/> (<c>a.b.attr</c> nests blocks a and b), replacing an earlier value.</summary>
    public void Set(string path, string expression)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            Block(path[..dot]).Set(path[(dot + 1)..], expression);
            return;
        }

        var index = _items.FindIndex(i => i.Block is null && i.Name == path);
        if (index >= 0)
        {
            _items[index] = (path, expression, null);
        }
        else
        {
            _items.Add((path, expression, null));
        }
    }

    public HclBody Block(string name)
    {
        var existing = _items.Find(i => i.Block is not null && i.Name == name);
        if (existing.Block is not null)
        {
            return existing.Block;
        }

        var block = new HclBody();
        _items.Add((name, null, block));
        return block;
    }

    public void WriteTo(StringBuilder builder, int indent)
    {
        var pad = new string(' ', indent);
        var width = _items.Where(i => i.Block is null).Select(i => i.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var (name, expression, block) in _items)
        {
            if (block is null)
            {
                builder.Append(pad).Append(name.PadRight(width)).Append(" = ").Append(expression).Append('\n');
            }
            else if (block.IsEmpty)
            {
                builder.Append(pad).Append(name).Append(" {}\n");
            }
            else
            {
                builder.Append(pad).Append(name).Append(" {\n");
                block.WriteTo(builder, indent + 2);
                builder.Append(pad).Append("}\n");
            }
        }
    }
}
