using System.Text;
using IacPlatform.Testing;
using Shouldly;
using static IacPlatform.State.Tests.Api.Runs.RunRequests;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The time limit (the process tree is killed) and the kept log's size cap.</summary>
public sealed class RunLimitTests(ShortTimeoutRunsFixture timeout, SmallLogRunsFixture smallLog)
    : IClassFixture<ShortTimeoutRunsFixture>, IClassFixture<SmallLogRunsFixture>
{
    [Fact]
    public async Task Create_RunOutlivesTimeLimit_ProcessTreeKilledAndJobFails()
    {
        var client = timeout.App.Operator();
        var accepted = await client.ProvisionAsync(NewName(), new { gate = true });

        var job = await client.WaitForJobAsync((string)accepted["task_id"]!);

        ((string?)job["status"]).ShouldBe("failed");
        ((string?)job["message"]).ShouldBe("The job ran longer than its time limit (00:00:03) and Terraform was stopped.");
        ((string?)(await client.GetJsonAsync($"{Resources}/{accepted["id"]}"))["status"]).ShouldBe("failed");
        if (OperatingSystem.IsLinux())
        {
            var directory = timeout.ResourceDirectory(Guid.Parse((string)accepted["id"]!));
            (await Eventually.HoldsAsync(() => !ProcessesIn(directory).Any(), TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken))
                .ShouldBeTrue($"processes still running in {directory}: {string.Join(", ", ProcessesIn(directory))}");
        }
    }

    [Fact]
    public async Task Create_OutputBeyondCap_KeptLogCutWithNote()
    {
        var client = smallLog.App.Operator();
        var accepted = await client.ProvisionAsync(NewName());

        var job = await client.WaitForJobAsync((string)accepted["task_id"]!);

        ((string?)job["status"]).ShouldBe("succeeded");
        ((bool?)job["log_truncated"]).ShouldBe(true);
        var log = await client.GetLogAsync((string)accepted["task_id"]!);
        ((long?)job["log_bytes"]).ShouldBe(Encoding.UTF8.GetByteCount(log));
        var lines = Lines(log);
        lines[^1].ShouldStartWith("[iacplatform] The kept log is limited to 1024 bytes; ");
        Encoding.UTF8.GetByteCount(string.Concat(lines[..^1].Select(l => l + "\n"))).ShouldBeLessThanOrEqualTo(1024);
    }

    /// <summary>Process ids whose working directory is <paramref name="directory"/>.</summary>
    private static IEnumerable<string> ProcessesIn(string directory)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            string? cwd = null;
            try
            {
                cwd = new DirectoryInfo(Path.Combine(process, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours, or gone.
            }

            if (cwd is not null && cwd.TrimEnd('/') == directory.TrimEnd('/'))
            {
                yield return Path.GetFileName(process);
            }
        }
    }
}
