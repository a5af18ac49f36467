namespace IacPlatform.ServiceDefaults;

public static class HealthTags
{
    /// <summary>Checks that decide whether the service may receive traffic.</summary>
    public const string Ready = "ready";

    public const string Live = "live";
}
