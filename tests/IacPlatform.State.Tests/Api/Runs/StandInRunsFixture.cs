using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>Runs start the stand-in script (Testdata/runs/terraform-standin.sh), copied and made executable.</summary>
public sealed class StandInRunsFixture(InfrastructureFixture infrastructure) : RunsFixture(infrastructure)
{
    protected override IReadOnlyDictionary<string, string?> RunSettings() => new Dictionary<string, string?>
    {
        ["State:Runs:Executable"] = RunTestdata.Executable("terraform-standin.sh", WorkDirectory),
    };
}
