using System.Net.Http.Headers;

namespace IacPlatform.State.Features.Backends;

/// <summary>
/// One request that proves (or disproves) a backend is reachable: where, how, and how to read the answer.
/// <paramref name="Subject"/> names the endpoint in messages ("s3 endpoint"); <paramref name="Cloud"/> is the provider
/// whose network a failed name lookup says is out of reach (null for a user-chosen endpoint).
/// </summary>
internal sealed record ProbeRequest(
    string Subject, Uri Url, HttpMethod Method, AuthenticationHeaderValue? Authorization, string? Cloud,
    Func<HttpResponseMessage, (bool Success, string Message)> Interpret);
