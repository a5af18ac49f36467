using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

public sealed class AwsProviderRegistrationTests
{
    [Fact]
    public void AddAwsProvider_Settings_BindsOptionsAndRegistersTheProvider()
    {
        using var host = AwsTestAccount.BuildHost(null, new Dictionary<string, string?>
        {
            ["Ec2ServiceUrl"] = "http://127.0.0.1:4566/",
            ["ServiceUrl"] = "http://127.0.0.1:4567/",
            ["MaxRetries"] = "2",
        });

        host.Services.GetServices<ICloudProvider>().ShouldHaveSingleItem().Kind.ShouldBe("aws");
        var options = host.Services.GetRequiredService<IOptions<AwsProviderOptions>>().Value;
        options.MaxRetries.ShouldBe(2);
        options.Ec2Endpoint.ShouldBe(new Uri("http://127.0.0.1:4566/"));
        options.S3Endpoint.ShouldBe(new Uri("http://127.0.0.1:4567/"));
        options.EksEndpoint.ShouldBe(new Uri("http://127.0.0.1:4567/"));
    }

    [Fact]
    public void Provider_Services_AreEc2AndEksRegionalAndS3Global()
    {
        using var host = AwsTestAccount.BuildHost(null);
        var provider = host.Services.GetRequiredService<ICloudProvider>();

        provider.Kind.ShouldBe("aws");
        provider.Services.Select(service => (service.Name, service.Regional)).ShouldBe([("ec2", true), ("s3", false), ("eks", true)]);
        provider.Services[0].ResourceTypes.ShouldBe(
            ["aws_instance", "aws_vpc", "aws_subnet", "aws_security_group", "aws_ebs_volume"], ignoreOrder: true);
        provider.Services[1].ResourceTypes.ShouldBe(["aws_s3_bucket"]);
        provider.Services[2].ResourceTypes.ShouldBe(["aws_eks_cluster", "aws_eks_node_group"], ignoreOrder: true);
    }

    [Fact]
    public void AddAwsProvider_NoSettings_UsesTheRealEndpoints()
    {
        using var host = AwsTestAccount.BuildHost(null);

        var options = host.Services.GetRequiredService<IOptions<AwsProviderOptions>>().Value;
        (options.Ec2Endpoint, options.S3Endpoint, options.EksEndpoint).ShouldBe((null, null, null));
    }

    [Theory]
    [InlineData("ServiceUrl", "not-a-url")]
    [InlineData("MaxRetries", "50")]
    [InlineData("RetryMaxDelay", "00:00:00.001")]
    public void AddAwsProvider_InvalidSettings_FailValidation(string key, string value)
    {
        using var host = AwsTestAccount.BuildHost(null, new Dictionary<string, string?> { [key] = value });

        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AwsProviderOptions>>().Value);
    }
}
