using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IacPlatform.Inventory.Providers.Aws;

public static class AwsProviderServices
{
    /// <summary>
    /// The AWS adapter: <c>Inventory:Providers:Aws</c> options, the EKS HttpClient and the provider as an
    /// <see cref="ICloudProvider"/>. The EKS client drops the fleet's default handlers on purpose: the standard
    /// resilience handler would retry (and circuit-break) under our own budgeted retries, multiplying attempts and
    /// making throttling unpredictable, and service discovery and request-id propagation mean nothing to AWS.
    /// </summary>
    public static IHostApplicationBuilder AddAwsProvider(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AwsProviderOptions>().BindConfiguration(AwsProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.IsValid(),
                "AWS endpoint URLs must be absolute, RetryMaxDelay at least RetryBaseDelay and RequestTimeout positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(EksClient.HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .ConfigureHttpClient((services, client) =>
                client.Timeout = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AwsProviderOptions>>().Value.RequestTimeout);
        builder.Services.AddSingleton<ICloudProvider, AwsProvider>();
        return builder;
    }
}
