namespace IacPlatform.State.Features.Backends;

/// <summary>What one connection attempt found: reachable or not, why, how long it took, what answered.</summary>
internal sealed record ProbeResult(bool Success, string Message, long ResponseTimeMs, int? HttpStatus, Uri? Endpoint);
