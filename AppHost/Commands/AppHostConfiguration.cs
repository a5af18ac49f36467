namespace IacPlatform.AppHost.Commands;

internal static class AppHostConfiguration
{
    private static readonly string[] Flags = ["--no-build"];

    /// <summary>appsettings.json beside the AppHost, environment variables, then <c>--Key=value</c> arguments.</summary>
    public static IConfiguration Build(CommandArgs args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Raw.Where(a => !Flags.Contains(a) && a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray())
            .Build();
}
