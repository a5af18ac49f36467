using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

public sealed class AzureRegistrationTests
{
    [Fact]
    public void AddAzureProvider_NoConfiguration_TargetsThePublicCloud()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<AzureProviderOptions>>().Value;

        options.LoginEndpoint.ShouldBe(new Uri("https://login.microsoftonline.com"));
        options.ManagementEndpoint.ShouldBe(new Uri("https://management.azure.com"));
        options.Scope.ShouldBe("https://management.azure.com/.default");
        host.Services.GetServices<ICloudProvider>().ShouldHaveSingleItem().Kind.ShouldBe("azure");
    }

    [Fact]
    public void AddAzureProvider_CalledTwice_RegistersOneProvider()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddAzureProvider().AddAzureProvider();
        using var host = builder.Build();

        host.Services.GetServices<ICloudProvider>().Count().ShouldBe(1);
    }

    [Theory]
    [InlineData("http://management.example.com")]
    [InlineData("https://user:pass@management.azure.com")]
    [InlineData("https://management.azure.com/?redirect=x")]
    public void AddAzureProvider_EndpointThatCouldLeakTheToken_FailsValidation(string endpoint)
    {
        using var host = Build(new() { ["Inventory:Providers:Azure:ManagementEndpoint"] = endpoint });

        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AzureProviderOptions>>().Value);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddAzureProvider();
        return builder.Build();
    }
}
