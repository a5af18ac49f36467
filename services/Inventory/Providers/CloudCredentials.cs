namespace IacPlatform.Inventory.Providers;

/// <summary>
/// Decrypted credentials of one account, alive only for a sync or a tag write. <c>ToString</c> never prints
/// the secret parts (records would print every member).
/// </summary>
public abstract record CloudCredentials
{
    public sealed override string ToString() => GetType().Name + " { (redacted) }";
}
