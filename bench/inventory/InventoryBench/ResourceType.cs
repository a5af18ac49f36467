namespace IacPlatform.Bench.Inventory;

/// <summary>A Terraform resource type, the provider service that lists it, its share and the shape of its attributes.</summary>
internal sealed record ResourceType(string Name, string Service, int Weight, string Role);
