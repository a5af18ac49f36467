namespace IacPlatform.Inventory.Domain;

/// <summary>The cloud account kinds: three real clouds and the persisted sandbox cloud.</summary>
public static class ProviderKinds
{
    public const string Aws = "aws";
    public const string Azure = "azure";
    public const string Gcp = "gcp";
    public const string Sandbox = "sandbox";

    public static readonly IReadOnlyList<string> All = [Aws, Azure, Gcp, Sandbox];

    public static bool IsKnown(string? kind) => kind is Aws or Azure or Gcp or Sandbox;
}
