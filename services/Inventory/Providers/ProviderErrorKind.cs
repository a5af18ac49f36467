namespace IacPlatform.Inventory.Providers;

public enum ProviderErrorKind
{
    /// <summary>Any other provider error (bad response, server error after retries).</summary>
    Failed,

    /// <summary>Still throttled after the adapter's bounded retries.</summary>
    Throttled,

    /// <summary>The credentials were refused (401/403, invalid signature, expired secret).</summary>
    Unauthorized,

    /// <summary>The endpoint could not be reached (DNS, connection, timeout).</summary>
    Unreachable,

    /// <summary>The provider cannot do this (for example write tags on a read-only type).</summary>
    Unsupported,
}
