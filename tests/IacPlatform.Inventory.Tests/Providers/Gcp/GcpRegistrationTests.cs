using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Gcp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

public sealed class GcpRegistrationTests
{
    [Fact]
    public void AddGcpProvider_NoConfiguration_TargetsGoogleEndpoints()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<GcpProviderOptions>>().Value;

        options.TokenEndpoint.ShouldBe(new Uri("https://oauth2.googleapis.com/token"));
        options.ComputeEndpoint.ShouldBe(new Uri("https://compute.googleapis.com"));
        options.StorageEndpoint.ShouldBe(new Uri("https://storage.googleapis.com"));
        options.ContainerEndpoint.ShouldBe(new Uri("https://container.googleapis.com"));
        options.Scope.ShouldBe("https://www.googleapis.com/auth/cloud-platform");
        host.Services.GetServices<ICloudProvider>().ShouldHaveSingleItem().Kind.ShouldBe("gcp");
    }

    [Theory]
    [InlineData("TokenEndpoint", "http://oauth2.example.com/token")]
    [InlineData("ComputeEndpoint", "ftp://compute.googleapis.com")]
    [InlineData("StorageEndpoint", "https://u:p@storage.googleapis.com")]
    public void AddGcpProvider_EndpointThatCouldLeakTheToken_FailsValidation(string key, string value)
    {
        using var host = Build(new() { [$"Inventory:Providers:Gcp:{key}"] = value });

        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GcpProviderOptions>>().Value);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddGcpProvider();
        return builder.Build();
    }
}
