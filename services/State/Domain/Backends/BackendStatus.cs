namespace IacPlatform.State.Domain.Backends;

public enum BackendStatus
{
    /// <summary>Registered (or built in) and, when tested, reachable.</summary>
    Active,

    /// <summary>Found by discovery, not yet tested or registered by a person.</summary>
    Discovered,

    /// <summary>The last connection test failed.</summary>
    Error,
}
