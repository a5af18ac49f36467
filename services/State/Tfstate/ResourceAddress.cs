using System.Diagnostics.CodeAnalysis;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// A resource or resource instance address in Terraform syntax: optional module path, optional <c>data.</c>, the
/// type and name, and an optional instance key (<c>module.net["eu"].aws_subnet.a[0]</c>, <c>data.aws_ami.ubuntu</c>).
/// Without a key it names the whole resource, or the single instance of a resource without count or for_each.
/// </summary>
internal sealed class ResourceAddress : IEquatable<ResourceAddress>
{
    private readonly string _text;

    public ResourceAddress(ModuleAddress module, ResourceMode mode, string type, string name, InstanceKey key = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Module = module;
        Mode = mode;
        Type = type;
        Name = name;
        Key = key;
        var prefix = module.IsRoot ? "" : module + ".";
        _text = prefix + (mode == ResourceMode.Data ? "data." : "") + type + "." + name + key;
    }

    public ModuleAddress Module { get; }

    public ResourceMode Mode { get; }

    public string Type { get; }

    public string Name { get; }

    public InstanceKey Key { get; }

    public static ResourceAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ResourceAddress? address, out string error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The resource address is empty; expected something like aws_instance.web.";
            return false;
        }

        var parser = new AddressParser(text);
        var steps = new List<ModuleStep>();
        while (parser.AtKeyword("module"))
        {
            parser.Skip("module.".Length);
            if (!parser.ReadIdentifier("a module name", out var moduleName) || !parser.ReadKey(out var moduleKey))
            {
                return Invalid(text, parser.Error, out error);
            }

            steps.Add(new ModuleStep(moduleName, moduleKey));
            if (parser.AtEnd)
            {
                error = $"\"{text}\" is a module address; expected a resource address like {text}.aws_instance.web.";
                return false;
            }

            if (!parser.Expect('.', "a dot"))
            {
                return Invalid(text, parser.Error, out error);
            }
        }

        var mode = ResourceMode.Managed;
        if (parser.AtKeyword("data"))
        {
            parser.Skip("data.".Length);
            mode = ResourceMode.Data;
        }

        if (!parser.ReadIdentifier("a resource type", out var type))
        {
            return Invalid(text, parser.Error, out error);
        }

        if (!parser.At('.'))
        {
            var detail = parser.AtEnd
                ? "a resource address needs a type and a name separated by a dot, like aws_instance.web"
                : $"expected a dot at character {parser.Position + 1}, found \"{text[parser.Position]}\"";
            return Invalid(text, detail, out error);
        }

        parser.Skip(1);
        if (!parser.ReadIdentifier("a resource name", out var name) || !parser.ReadKey(out var key))
        {
            return Invalid(text, parser.Error, out error);
        }

        if (!parser.AtEnd)
        {
            return Invalid(text, $"unexpected \"{text[parser.Position..]}\" after the address", out error);
        }

        address = new ResourceAddress(new ModuleAddress(steps), mode, type, name, key);
        error = "";
        return true;
    }

    /// <summary>The same address without its instance key: the whole resource.</summary>
    public ResourceAddress WithoutKey() => Key.IsNone ? this : new ResourceAddress(Module, Mode, Type, Name);

    public ResourceAddress WithKey(InstanceKey key) => new(Module, Mode, Type, Name, key);

    /// <summary>True when both name the same resource, ignoring instance keys.</summary>
    public bool SameResource(ResourceAddress other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Module.Equals(other.Module) && Mode == other.Mode && Type == other.Type && Name == other.Name;
    }

    public bool Equals(ResourceAddress? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ResourceAddress);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;

    private static bool Invalid(string text, string detail, out string error)
    {
        error = $"Invalid resource address \"{text}\": {detail}.";
        return false;
    }
}
