using IacPlatform.State.Tests.Infrastructure;
using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>
/// A State instance for run tests: its own work directory (deleted afterwards), a short log flush interval,
/// and the run settings of the concrete fixture (which Terraform to start).
/// </summary>
public abstract class RunsFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public StateApp App { get; private set; } = null!;

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), $"iacp-runs-{Guid.NewGuid():N}"[..24]);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["State:Runs:WorkDirectory"] = WorkDirectory,
            ["State:Runs:LogFlushInterval"] = "00:00:00.050",
            ["State:Runs:Timeout"] = "00:05:00",
        };
        foreach (var (key, value) in RunSettings())
        {
            settings[key] = value;
        }

        App = await StateApp.StartAsync(infrastructure, settings);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await App.DisposeAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process of a stopped run may still hold a file; the temp folder is cleaned eventually.
        }
    }

    /// <summary>The working directory of a resource's runs.</summary>
    public string ResourceDirectory(Guid resourceId) => Path.Combine(WorkDirectory, resourceId.ToString("N"));

    /// <summary>Lets a gated stand-in run go on once it waits at its gate (it writes job-token there).</summary>
    public async Task OpenGateAsync(string resourceId)
    {
        var directory = ResourceDirectory(Guid.Parse(resourceId));
        var waiting = await Eventually.HoldsAsync(
            () => File.Exists(Path.Combine(directory, "job-token")), RunRequests.JobDeadline, TestContext.Current.CancellationToken);
        Xunit.Assert.True(waiting, $"The run of resource {resourceId} never reached its gate.");
        await File.WriteAllTextAsync(Path.Combine(directory, "gate-open"), "", TestContext.Current.CancellationToken);
    }

    protected abstract IReadOnlyDictionary<string, string?> RunSettings();
}
