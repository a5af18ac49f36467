using System.Text.Json;

namespace IacPlatform.State.Features.Backends;

public sealed record BackendResponse(
    Guid Id, string Name, string Type, JsonElement Config, IReadOnlyList<string> Secrets, string Status, bool BuiltIn,
    DateTimeOffset? LastChecked, string? LastTestStatus, string? LastTestMessage, long? LastTestResponseTimeMs, int? LastTestHttpStatus,
    Guid? CreatedBy, string? CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record BackendList(IReadOnlyList<BackendResponse> Backends, long Total, int Limit, int Offset);

public sealed record BackendTestResponse(
    Guid BackendId, string Status, string Message, string ResponseTime, long ResponseTimeMs, int? HttpStatus, string? Endpoint,
    DateTimeOffset TestedAt);

public sealed record DiscoveryError(string Provider, string? Region, string Message);

public sealed record DiscoveryResponse(int Discovered, IReadOnlyList<BackendResponse> Backends, IReadOnlyList<DiscoveryError> Errors);
