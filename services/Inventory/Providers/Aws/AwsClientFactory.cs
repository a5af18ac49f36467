using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// SDK clients for one account and region. The SDK makes a single attempt (<c>MaxErrorRetry = 0</c>, no silent
/// resend on a stale pooled connection, standard retry mode so no adaptive client-side rate limiting kicks in):
/// <see cref="AwsRequestRunner"/> owns retries, so each attempt takes a budget permit and the throttling schedule
/// is the one in <see cref="AwsProviderOptions"/>.
/// </summary>
internal sealed class AwsClientFactory(AwsProviderOptions options)
{
    public AmazonEC2Client Ec2(AwsCredentials credentials, string region)
    {
        var config = new AmazonEC2Config();
        Configure(config, options.Ec2Endpoint, region);
        return new AmazonEC2Client(SdkCredentials(credentials), config);
    }

    public AmazonS3Client S3(AwsCredentials credentials, string region)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.S3Endpoint is not null };
        Configure(config, options.S3Endpoint, region);
        return new AmazonS3Client(SdkCredentials(credentials), config);
    }

    private void Configure(ClientConfig config, Uri? endpoint, string region)
    {
        config.MaxErrorRetry = 0;
        config.MaxStaleConnectionRetries = 0;
        config.RetryMode = RequestRetryMode.Standard;
        config.Timeout = options.RequestTimeout;
        // Endpoints come from our options only (as for EKS), never from AWS_ENDPOINT_URL_* or a shared config file.
        config.IgnoreConfiguredEndpointUrls = true;
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            // Setting ServiceURL clears RegionEndpoint, so the signing region is given on its own.
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
    }

    private static AWSCredentials SdkCredentials(AwsCredentials credentials) =>
        string.IsNullOrEmpty(credentials.SessionToken)
            ? new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey)
            : new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
}
