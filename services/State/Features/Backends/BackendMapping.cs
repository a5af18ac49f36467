using System.Text.Json;
using IacPlatform.State.Domain.Backends;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Backends;

internal static class BackendMapping
{
    public static BackendResponse ToResponse(this StateBackend backend, string publicBase)
    {
        var config = backend.IsBuiltIn
            ? JsonSerializer.SerializeToElement(BuiltInBackend.Config(publicBase))
            : JsonElementOf(backend.Config);
        return new(
            backend.Id, backend.Name, backend.Type, config, backend.SecretNames, backend.Status.ToString().ToLowerInvariant(), backend.IsBuiltIn,
            backend.LastChecked, backend.LastTestStatus, backend.LastTestMessage, backend.LastTestResponseTimeMs, backend.LastTestHttpStatus,
            backend.CreatedBy, backend.CreatedByName, backend.CreatedAt, backend.UpdatedAt);
    }

    /// <summary>The platform's public base URL without a trailing slash: configured, or the one this request came in on.</summary>
    public static string PublicBase(HttpRequest request, IOptions<StateBackendsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
    }

    public static string ResponseTime(long milliseconds) => $"{milliseconds}ms";

    private static JsonElement JsonElementOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
