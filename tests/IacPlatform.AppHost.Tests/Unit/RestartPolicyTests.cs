using IacPlatform.AppHost.Orchestration;
using Shouldly;

namespace IacPlatform.AppHost.Tests.Unit;

public sealed class RestartPolicyTests
{
    [Fact]
    public void DelayFor_ConsecutiveFailures_DoublesUpToThirtySeconds()
    {
        var delays = Enumerable.Range(1, 8).Select(n => RestartPolicy.Default.DelayFor(n).TotalSeconds).ToList();

        delays.ShouldBe([1, 2, 4, 8, 16, 30, 30, 30]);
    }

    [Fact]
    public void NextFailureCount_CrashAfterStableRun_StartsOverAtOne()
    {
        RestartPolicy.Default.NextFailureCount(5, TimeSpan.FromMinutes(2)).ShouldBe(1);
        RestartPolicy.Default.NextFailureCount(5, TimeSpan.FromSeconds(3)).ShouldBe(6);
    }
}
