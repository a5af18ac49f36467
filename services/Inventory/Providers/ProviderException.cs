namespace IacPlatform.Inventory.Providers;

/// <summary>
/// A provider call that failed for a reason worth reporting (kept as the account's last error and in the sync
/// job's per-unit errors). The message never contains credentials.
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException()
    {
    }

    public ProviderException(string message)
        : base(message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProviderException(ProviderErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ProviderErrorKind Kind { get; } = ProviderErrorKind.Failed;
}
