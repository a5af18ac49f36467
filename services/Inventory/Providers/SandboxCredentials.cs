namespace IacPlatform.Inventory.Providers;

/// <summary>The sandbox cloud needs no secret; its "API" is this service's own sandbox tables.</summary>
public sealed record SandboxCredentials : CloudCredentials;
