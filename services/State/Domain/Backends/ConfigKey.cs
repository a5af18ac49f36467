namespace IacPlatform.State.Domain.Backends;

/// <summary>One configuration key of a backend type; secret ones are stored encrypted and never returned.</summary>
public sealed record ConfigKey(string Name, ConfigKeyKind Kind, bool Required = false, bool Secret = false);
