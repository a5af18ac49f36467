using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The stand-in with a three-second time limit per job.</summary>
public sealed class ShortTimeoutRunsFixture(InfrastructureFixture infrastructure) : RunsFixture(infrastructure)
{
    protected override IReadOnlyDictionary<string, string?> RunSettings() => new Dictionary<string, string?>
    {
        ["State:Runs:Executable"] = RunTestdata.Executable("terraform-standin.sh", WorkDirectory),
        ["State:Runs:Timeout"] = "00:00:03",
    };
}
