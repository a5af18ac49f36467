using IacPlatform.EndToEnd.Tests;

[assembly: AssemblyFixture(typeof(FleetFixture))]
