using IacPlatform.Testing;

[assembly: AssemblyFixture(typeof(InfrastructureFixture))]
