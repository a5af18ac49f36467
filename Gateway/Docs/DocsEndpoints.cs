using System.Text.Json.Nodes;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Scalar.AspNetCore;
using Yarp.ReverseProxy;

namespace IacPlatform.Gateway.Docs;

/// <summary>
/// <c>/docs</c>: one Scalar UI over the gateway's own OpenAPI document and every routed service's,
/// each fetched through the gateway at <c>/docs/openapi/{service}.json</c> (a service = a YARP cluster).
/// </summary>
internal static partial class DocsEndpoints
{
    public const string HttpClientName = "gateway-docs";

    public static IEndpointRouteBuilder MapDocsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs/openapi/{service}.json", Handle).AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference("/docs", (options, context) =>
        {
            var services = context.RequestServices.GetRequiredService<IProxyStateLookup>().GetClusters()
                .Select(cluster => cluster.ClusterId)
                .Order(StringComparer.Ordinal);
            options.WithTitle("IacPlatform API");
            options.Telemetry = false;
            foreach (var service in services)
            {
                options.AddDocument(service, service, $"/docs/openapi/{service}.json");
            }

            options.AddDocument("gateway", "gateway", "/openapi/v1.json");
        }).AllowAnonymous();
        return app;
    }

    private static async Task<Results<ContentHttpResult, ApiErrorResult>> Handle(
        string service,
        IProxyStateLookup proxyState,
        IHttpClientFactory clients,
        HttpContext context,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!proxyState.TryGetCluster(service, out var cluster))
        {
            return ApiErrors.NotFound($"No service named '{service}' is routed by the gateway.");
        }

        var available = cluster.DestinationsState.AvailableDestinations;
        var destination = available.Count > 0 ? available[0] : cluster.Destinations.Values.FirstOrDefault();
        if (destination is null)
        {
            return ApiErrors.ServiceUnavailable($"The {service} service has no destination.");
        }

        try
        {
            var client = clients.CreateClient(HttpClientName);
            var address = new Uri(new Uri(destination.Model.Config.Address), "/openapi/v1.json");
            var text = await client.GetStringAsync(address, cancellationToken);
            var document = JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidOperationException("The OpenAPI document is not a JSON object.");

            // Calls from the docs UI go through the gateway, never to the service's internal address.
            document["servers"] = new JsonArray(new JsonObject { ["url"] = $"{context.Request.Scheme}://{context.Request.Host}" });
            return TypedResults.Content(document.ToJsonString(), "application/json; charset=utf-8");
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogDocumentFailed(loggers.CreateLogger("IacPlatform.Gateway.Docs"), ex, service);
            return ApiErrors.ServiceUnavailable($"The OpenAPI document of {service} could not be fetched.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenAPI document of {Service} could not be fetched")]
    private static partial void LogDocumentFailed(ILogger logger, Exception exception, string service);
}
