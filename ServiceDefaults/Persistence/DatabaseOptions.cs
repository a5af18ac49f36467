namespace IacPlatform.ServiceDefaults.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations before the service serves (local runs and tests).</summary>
    public bool MigrateOnStartup { get; set; }
}
