using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>Neither terraform nor tofu can be found: the PATH searched is an empty directory.</summary>
public sealed class NoTerraformRunsFixture(InfrastructureFixture infrastructure) : RunsFixture(infrastructure)
{
    protected override IReadOnlyDictionary<string, string?> RunSettings()
    {
        var empty = Directory.CreateDirectory(Path.Combine(WorkDirectory, "empty-path")).FullName;
        return new Dictionary<string, string?> { ["State:Runs:Path"] = empty };
    }
}
