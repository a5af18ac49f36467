using System.Diagnostics.CodeAnalysis;

namespace IacPlatform.State.Tfstate;

/// <summary>A module instance path such as <c>module.net["eu"].module.vpc</c>; the root module is the empty path.</summary>
internal sealed class ModuleAddress : IEquatable<ModuleAddress>
{
    private readonly string _text;

    public ModuleAddress(IEnumerable<ModuleStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
        _text = string.Join('.', Steps);
    }

    public static ModuleAddress Root { get; } = new([]);

    public IReadOnlyList<ModuleStep> Steps { get; }

    public bool IsRoot => Steps.Count == 0;

    public static ModuleAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Parses <c>module.a</c>, <c>module.a[0].module.b["k"]</c>; the empty string is the root module.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ModuleAddress? address, out string error)
    {
        address = null;
        error = "";
        if (text is null)
        {
            error = "The module address is missing.";
            return false;
        }

        if (text.Length == 0)
        {
            address = Root;
            return true;
        }

        var parser = new AddressParser(text);
        var steps = new List<ModuleStep>();
        while (true)
        {
            if (!parser.AtKeyword("module"))
            {
                error = parser.AtEnd
                    ? $"Invalid module address \"{text}\": it ends with a dot."
                    : $"Invalid module address \"{text}\": expected \"module.\" at character {parser.Position + 1}.";
                return false;
            }

            parser.Skip("module.".Length);
            if (!parser.ReadIdentifier("a module name", out var name) || !parser.ReadKey(out var key))
            {
                error = $"Invalid module address \"{text}\": {parser.Error}.";
                return false;
            }

            steps.Add(new ModuleStep(name, key));
            if (parser.AtEnd)
            {
                address = new ModuleAddress(steps);
                return true;
            }

            if (!parser.Expect('.', "a dot"))
            {
                error = $"Invalid module address \"{text}\": {parser.Error}.";
                return false;
            }
        }
    }

    /// <summary>True when this path begins with every step of <paramref name="prefix"/>, keys included.</summary>
    public bool StartsWith(ModuleAddress prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Steps.Count > Steps.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Steps.Count; i++)
        {
            if (prefix.Steps[i] != Steps[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Terraform's target matching (<c>terraform state rm module.a</c>): like <see cref="StartsWith"/>, except that a
    /// last step without a key matches every instance of that module call.
    /// </summary>
    public bool TargetContains(ModuleAddress other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Steps.Count > other.Steps.Count)
        {
            return false;
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            var last = i == Steps.Count - 1;
            if (Steps[i].Name != other.Steps[i].Name || (Steps[i].Key != other.Steps[i].Key && !(last && Steps[i].Key.IsNone)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This path with <paramref name="prefix"/> (which it must start with) replaced by <paramref name="replacement"/>.</summary>
    public ModuleAddress ReplacePrefix(ModuleAddress prefix, ModuleAddress replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (!StartsWith(prefix))
        {
            throw new ArgumentException($"{this} does not start with {prefix}.", nameof(prefix));
        }

        return new ModuleAddress(replacement.Steps.Concat(Steps.Skip(prefix.Steps.Count)));
    }

    public bool Equals(ModuleAddress? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ModuleAddress);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;
}
