using System.Text;

namespace IacPlatform.State.Runs;

/// <summary>
/// Writes a resource's main.tf: the http backend pointing at this service (the password is not in the file;
/// Terraform reads TF_HTTP_PASSWORD), the provider, the one resource (<c>&lt;type&gt;.this</c>) and its outputs.
/// Every value from a request is a quoted HCL literal (see <see cref="Hcl"/>); names and paths come from the catalog.
/// </summary>
public static class MainTf
{
    public const string ResourceName = "this";
    public const string BackendUsername = "job";

    public static string Render(ResourceSpec spec, Uri stateAddress, Uri lockAddress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stateAddress);
        ArgumentNullException.ThrowIfNull(lockAddress);
        var kind = spec.Kind;
        var provider = new HclBody();
        foreach (var block in kind.ProviderSpec.RequiredBlocks)
        {
            provider.Block(block);
        }

        var resource = new HclBody();
        foreach (var (path, expression) in kind.Defaults)
        {
            resource.Set(path, expression);
        }

        if (kind.NameAttribute is { } nameAttribute)
        {
            resource.Set(nameAttribute, Hcl.Quote(spec.Name));
        }

        if (kind.FreeForm)
        {
            resource.Set("input", Hcl.Map(spec.Settings.Select(s => KeyValuePair.Create(s.Key, Hcl.Value(s.Value))), 2));
        }
        else
        {
            foreach (var (key, value) in spec.Settings)
            {
                foreach (var target in kind.Field(key)!.Targets)
                {
                    if (target.StartsWith("provider.", StringComparison.Ordinal))
                    {
                        provider.Set(target["provider.".Length..], Hcl.Value(value));
                    }
                    else
                    {
                        resource.Set(target, Hcl.Value(value));
                    }
                }
            }
        }

        if (kind.TagsAttribute is { } tags)
        {
            // GCP labels allow only lowercase keys; AWS shows the Name tag in its console.
            var nameKey = kind.Provider == ResourceCatalog.Gcp.Name ? "name" : "Name";
            resource.Set(tags, Hcl.Map(
                [KeyValuePair.Create(nameKey, Hcl.Quote(spec.Name)), KeyValuePair.Create("managed_by", Hcl.Quote("iacplatform"))], 2));
        }

        var text = new StringBuilder();
        text.Append("# Written by IacPlatform for resource ").Append(spec.Name).Append(" (").Append(kind.Provider).Append('/').Append(kind.Type)
            .Append(") before every run; changes here are overwritten.\n\n");
        text.Append("terraform {\n  backend \"http\" {\n");
        text.Append("    address        = ").Append(Hcl.Quote(stateAddress.AbsoluteUri)).Append('\n');
        text.Append("    lock_address   = ").Append(Hcl.Quote(lockAddress.AbsoluteUri)).Append('\n');
        text.Append("    unlock_address = ").Append(Hcl.Quote(lockAddress.AbsoluteUri)).Append('\n');
        text.Append("    username       = ").Append(Hcl.Quote(BackendUsername)).Append('\n');
        text.Append("  }\n");
        if (!kind.ProviderSpec.IsBuiltIn)
        {
            text.Append("\n  required_providers {\n    ").Append(kind.ProviderSpec.LocalName).Append(" = {\n      source = ")
                .Append(Hcl.Quote(kind.ProviderSpec.Source!)).Append("\n    }\n  }\n");
        }

        text.Append("}\n\n");
        if (!kind.ProviderSpec.IsBuiltIn)
        {
            text.Append("provider \"").Append(kind.ProviderSpec.LocalName).Append("\" {\n");
            provider.WriteTo(text, 2);
            text.Append("}\n\n");
        }

        text.Append("resource \"").Append(kind.TerraformType).Append("\" \"").Append(ResourceName).Append("\" {\n");
        resource.WriteTo(text, 2);
        text.Append("}\n");
        foreach (var (name, expression) in kind.Outputs)
        {
            text.Append("\noutput \"").Append(name).Append("\" {\n  value = ").Append(kind.TerraformType).Append('.').Append(ResourceName)
                .Append('.').Append(expression).Append("\n}\n");
        }

        return text.ToString();
    }
}
