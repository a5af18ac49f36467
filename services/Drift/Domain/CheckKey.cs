namespace IacPlatform.Drift.Domain;

/// <summary>How desired and observed resources meet: the Terraform type and the provider-native id.</summary>
public sealed record CheckKey(string Type, string NativeId);
