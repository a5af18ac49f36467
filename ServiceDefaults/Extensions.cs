using System.Text.Json;
using IacPlatform.ServiceDefaults;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.RequestIds;
using IacPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every IacPlatform service gets: the Aspire-style service defaults.</summary>
public static class Extensions
{
    /// <summary>
    /// Telemetry, health checks, service discovery, resilient HttpClients with request-id propagation,
    /// snake_case JSON, the platform error format, request ids, OpenAPI, JWT authentication and the
    /// shared authorization policies.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, Action<ServiceDefaultsOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ServiceDefaultsOptions();
        configure?.Invoke(options);

        builder.AddTelemetry();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<RequestIdPropagationHandler>();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddHttpMessageHandler<RequestIdPropagationHandler>();
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        // Binding failures throw in every environment, so they reach the error format with a useful message
        // instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IStartupFilter, ServiceDefaultsStartupFilter>();
        builder.Services.AddOpenApi();

        builder.AddApiAuthorization();
        if (options.UseJwtBearer)
        {
            builder.AddJwtAuthentication();
        }

        return builder;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c> (in every environment) and the OpenAPI document.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Live),
            ResponseWriter = WriteHealthAsync,
        }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteHealthAsync,
        }).AllowAnonymous().DisableHttpMetrics();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var json = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(
            new
            {
                Status = report.Status.ToString().ToLowerInvariant(),
                DurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                Checks = report.Entries.Select(entry => new
                {
                    Name = entry.Key,
                    Status = entry.Value.Status.ToString().ToLowerInvariant(),
                    DurationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                    entry.Value.Description,
                }),
            },
            json,
            context.RequestAborted);
    }
}
