using System.Diagnostics.CodeAnalysis;

namespace IacPlatform.State.Tfstate;

internal static partial class StateEditor
{
    /// <summary>An edit target is a module path (<c>module.a[0].module.b</c>) or a resource or instance address.</summary>
    private static bool TryParseTarget(string? text, out ModuleAddress? module, out ResourceAddress? resource, [NotNullWhen(false)] out string? error)
    {
        module = null;
        resource = null;
        error = null;
        if (text is not null && text.StartsWith("module.", StringComparison.Ordinal) && ModuleAddress.TryParse(text, out module, out _))
        {
            return true;
        }

        if (ResourceAddress.TryParse(text, out resource, out var resourceError))
        {
            return true;
        }

        error = resourceError;
        return false;
    }

    /// <summary>Turns what the caller gave into the <c>provider</c> field; null when it is not recognizable.</summary>
    private static string? ProviderField(string type, string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            return ProviderReference.Format($"registry.terraform.io/hashicorp/{type.Split('_')[0]}");
        }

        provider = provider.Trim();
        if (provider.StartsWith("provider", StringComparison.Ordinal) || provider.StartsWith("module.", StringComparison.Ordinal))
        {
            return ProviderReference.TryParse(provider, out _) ? provider : null;
        }

        var parts = provider.Split('/');
        if (parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)) || parts.Length > 3)
        {
            return null;
        }

        return ProviderReference.Format(parts.Length switch
        {
            1 => $"registry.terraform.io/hashicorp/{provider}",
            2 => $"registry.terraform.io/{provider}",
            _ => provider,
        });
    }
}
