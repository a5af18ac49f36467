using IacPlatform.AppHost.Infrastructure;
using IacPlatform.Testing;
using Shouldly;

namespace IacPlatform.AppHost.Tests.Infrastructure;

public sealed class ManagedProcessTests
{
    [Fact]
    public async Task Stop_ProcessThatForksChildren_LeavesNoMemberOfItsGroup()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new ResourceLog("forker", echoToConsole: false);
        await using var process = ManagedProcess.Start("sh", ["-c", "sleep 300 & sleep 300 & echo started; wait"], log);
        (await Eventually.HoldsAsync(() => log.Tail(5).Contains("started"), TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
        ProcessGroup.LiveMembers(process.ProcessId).Count.ShouldBeGreaterThanOrEqualTo(3);

        await process.StopAsync(ProcessGroup.SigTerm, TimeSpan.FromSeconds(5), ct);

        ProcessGroup.LiveMembers(process.ProcessId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stop_ProcessIgnoringSigterm_IsKilledAfterGrace()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = new ResourceLog("stubborn", echoToConsole: false);
        await using var process = ManagedProcess.Start("sh", ["-c", "trap '' TERM; echo ready; while true; do sleep 1; done"], log);
        (await Eventually.HoldsAsync(() => log.Tail(5).Contains("ready"), TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();

        await process.StopAsync(ProcessGroup.SigTerm, TimeSpan.FromMilliseconds(500), ct);

        ProcessGroup.LiveMembers(process.ProcessId).ShouldBeEmpty();
    }
}
