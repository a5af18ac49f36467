namespace IacPlatform.Inventory.Domain;

/// <summary>Provider health of an account, from its last sync (seed 001 provider_health.status).</summary>
public static class AccountHealth
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
    public const string Unknown = "unknown";
}
