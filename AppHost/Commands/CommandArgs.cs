namespace IacPlatform.AppHost.Commands;

/// <summary>Flags (<c>--no-build</c>) and options (<c>--output DIR</c> or <c>--output=DIR</c>); the rest goes to configuration.</summary>
internal sealed class CommandArgs(string[] args)
{
    public string[] Raw { get; } = args;

    public bool Has(string flag) => Raw.Contains(flag, StringComparer.Ordinal);

    public string? Get(string option)
    {
        for (var i = 0; i < Raw.Length; i++)
        {
            if (Raw[i] == option && i + 1 < Raw.Length)
            {
                return Raw[i + 1];
            }

            if (Raw[i].StartsWith(option + "=", StringComparison.Ordinal))
            {
                return Raw[i][(option.Length + 1)..];
            }
        }

        return null;
    }
}
