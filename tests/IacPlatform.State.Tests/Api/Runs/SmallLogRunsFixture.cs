using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The stand-in with a kept log of at most 1024 bytes.</summary>
public sealed class SmallLogRunsFixture(InfrastructureFixture infrastructure) : RunsFixture(infrastructure)
{
    protected override IReadOnlyDictionary<string, string?> RunSettings() => new Dictionary<string, string?>
    {
        ["State:Runs:Executable"] = RunTestdata.Executable("terraform-standin.sh", WorkDirectory),
        ["State:Runs:MaxLogBytes"] = "1024",
    };
}
