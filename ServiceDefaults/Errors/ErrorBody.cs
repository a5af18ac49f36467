namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>The wire shape of every error: <c>{"error": {...}}</c>.</summary>
public sealed record ErrorEnvelope(ErrorBody Error);

public sealed record ErrorBody(
    string Code, string Message, object? Details, string RequestId, DateTimeOffset Timestamp);
