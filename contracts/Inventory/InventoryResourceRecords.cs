using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IacPlatform.Contracts.Inventory;

// The wire names are pinned with JsonPropertyName (as TokenResponse does) so the contract reads the same under any
// serializer settings: a client built without the fleet's snake_case RefitSettings still agrees with the server.

/// <summary>What identifies a resource in its cloud: its Terraform type and its provider id (Terraform's <c>id</c>).</summary>
public sealed record ResourceKey(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("native_id")] string NativeId);

/// <summary>Body of <c>POST /internal/v1/resources/lookup</c>: at most 10,000 keys.</summary>
public sealed record ResourceLookupRequest(
    [property: JsonPropertyName("keys")] IReadOnlyList<ResourceKey> Keys,
    [property: JsonPropertyName("include_removed")] bool IncludeRemoved = false);

/// <summary>Every resource (of any account) whose key was asked for, in no particular order.</summary>
public sealed record ResourceLookupResponse(
    [property: JsonPropertyName("resources")] IReadOnlyList<ObservedResource> Resources);

/// <summary>One page of an account's live resources by id; <see cref="NextAfter"/> is null on the last page.</summary>
public sealed record AccountResourcesPage(
    [property: JsonPropertyName("resources")] IReadOnlyList<ObservedResource> Resources,
    [property: JsonPropertyName("next_after")] Guid? NextAfter);

/// <summary>A resource as Inventory last observed it; <see cref="RemovedAt"/> is set once a complete sync no longer saw it.</summary>
public sealed record ObservedResource(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("account_id")] Guid AccountId,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("native_id")] string NativeId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string> Tags,
    [property: JsonPropertyName("attributes")] JsonObject Attributes,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("first_seen_at")] DateTimeOffset FirstSeenAt,
    [property: JsonPropertyName("last_seen_at")] DateTimeOffset LastSeenAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("removed_at")] DateTimeOffset? RemovedAt);
