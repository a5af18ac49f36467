namespace IacPlatform.ServiceDefaults;

public sealed class ServiceDefaultsOptions
{
    /// <summary>
    /// Validate bearer JWTs issued by Identity (default). Identity itself turns this off and validates
    /// its own tokens locally.
    /// </summary>
    public bool UseJwtBearer { get; set; } = true;
}
