using IacPlatform.Testing;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The real terraform (or tofu) found on the PATH, if any.</summary>
public sealed class RealTerraformRunsFixture(InfrastructureFixture infrastructure) : RunsFixture(infrastructure)
{
    protected override IReadOnlyDictionary<string, string?> RunSettings() => new Dictionary<string, string?>();
}
