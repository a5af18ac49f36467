namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="DriftFleet"/> (three services are too heavy to start per class).</summary>
[CollectionDefinition(Name)]
public sealed class FleetDefinition : ICollectionFixture<DriftFleet>
{
    public const string Name = "Drift fleet";
}
