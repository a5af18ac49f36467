using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Providers;

/// <summary>
/// A resource as a provider reported it, already normalised: Terraform's type name, Terraform's <c>id</c> as
/// <see cref="NativeId"/>, and attributes named as the Terraform provider names them (instance_type, subnet_id,
/// vpc_security_group_ids, …) so state and inventory compare field by field.
/// </summary>
public sealed record DiscoveredResource(
    string Type,
    string NativeId,
    string Name,
    string Region,
    string Status,
    IReadOnlyDictionary<string, string> Tags,
    JsonObject Attributes);
