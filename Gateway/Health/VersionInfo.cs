using System.Reflection;
using System.Runtime.InteropServices;

namespace IacPlatform.Gateway.Health;

/// <summary>Build data for <c>/api/v1/version</c>: commit from the informational version (SourceLink adds it).</summary>
internal sealed record VersionInfo(string Version, string? Commit, DateTimeOffset BuildTime, string Runtime, string Environment)
{
    public static VersionInfo Create(IHostEnvironment environment)
    {
        var assembly = typeof(VersionInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? null : informational[(plus + 1)..];
        var buildTime = string.IsNullOrEmpty(assembly.Location)
            ? DateTimeOffset.UnixEpoch
            : new DateTimeOffset(File.GetLastWriteTimeUtc(assembly.Location), TimeSpan.Zero);
        return new VersionInfo(
            version, commit, buildTime, RuntimeInformation.FrameworkDescription,
            environment.EnvironmentName);
    }
}
