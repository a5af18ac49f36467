using System.Diagnostics.CodeAnalysis;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// A resource's <c>provider</c> field: the current form <c>provider["registry.terraform.io/hashicorp/aws"].west</c>
/// or the legacy form from states written before provider source addresses (<c>provider.aws.west</c>), either one
/// possibly prefixed by the module that configures it.
/// </summary>
/// <param name="Raw">The field exactly as written.</param>
/// <param name="Source">The provider source address (<c>registry.terraform.io/hashicorp/aws</c>); null in the legacy form.</param>
/// <param name="ShortName">The provider type: <c>aws</c>, <c>null</c>.</param>
/// <param name="Alias">The configuration alias (<c>west</c>), if any.</param>
/// <param name="Module">The module whose provider configuration it is; the root module when none is written.</param>
internal sealed record ProviderReference(string Raw, string? Source, string ShortName, string? Alias, ModuleAddress Module)
{
    public bool IsLegacy => Source is null;

    /// <summary>Never fails: an unrecognizable value keeps itself as its short name, so a state is never refused for it.</summary>
    public static ProviderReference Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return TryParse(raw, out var reference) ? reference : new ProviderReference(raw, null, raw, null, ModuleAddress.Root);
    }

    /// <summary>The provider field Terraform writes for a provider source, like <c>provider["registry.terraform.io/hashicorp/aws"]</c>.</summary>
    public static string Format(string source) => "provider[" + HclQuoting.Quote(source) + "]";

    public static bool TryParse(string? raw, [NotNullWhen(true)] out ProviderReference? reference)
    {
        reference = raw is null ? null : ParseOrNull(raw);
        return reference is not null;
    }

    private static ProviderReference? ParseOrNull(string raw)
    {
        var parser = new AddressParser(raw);
        var steps = new List<ModuleStep>();
        while (parser.AtKeyword("module"))
        {
            parser.Skip("module.".Length);
            if (!parser.ReadIdentifier("a module name", out var moduleName) || !parser.ReadKey(out var moduleKey) || !parser.Expect('.', "a dot"))
            {
                return null;
            }

            steps.Add(new ModuleStep(moduleName, moduleKey));
        }

        if (!parser.ReadIdentifier("provider", out var keyword) || keyword != "provider")
        {
            return null;
        }

        string? source = null;
        string shortName;
        if (parser.At('['))
        {
            if (!parser.ReadKey(out var key) || key.Kind != InstanceKeyKind.String || key.StringValue!.Length == 0)
            {
                return null;
            }

            source = key.StringValue;
            shortName = source[(source.LastIndexOf('/') + 1)..];
        }
        else if (!parser.Expect('.', "a dot") || !parser.ReadIdentifier("a provider name", out shortName))
        {
            return null;
        }

        string? alias = null;
        if (parser.At('.'))
        {
            parser.Skip(1);
            if (!parser.ReadIdentifier("an alias", out var aliasName))
            {
                return null;
            }

            alias = aliasName;
        }

        return parser.AtEnd ? new ProviderReference(raw, source, shortName, alias, new ModuleAddress(steps)) : null;
    }
}
