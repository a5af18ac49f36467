using System.ComponentModel.DataAnnotations;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// <c>Inventory:Providers:Aws</c>. Endpoint overrides exist for stand-ins (tests, LocalStack-like gateways); unset,
/// every call goes to the real regional endpoint. Retries are ours, not the SDK's: the SDK is told to make exactly
/// one attempt (<c>MaxErrorRetry = 0</c>), so every attempt passes through the request budget, and throttling is
/// retried <see cref="MaxRetries"/> times with capped exponential backoff (no jitter: the budget already paces the
/// account, and a deterministic schedule keeps the worst case of a unit known).
/// </summary>
internal sealed class AwsProviderOptions
{
    public const string SectionName = "Inventory:Providers:Aws";

    /// <summary>One endpoint for every AWS service (EC2, S3, EKS), unless a per-service URL is set.</summary>
    public Uri? ServiceUrl { get; set; }

    public Uri? Ec2ServiceUrl { get; set; }

    /// <summary>Used path-style (<c>ForcePathStyle</c>), as custom S3 endpoints need.</summary>
    public Uri? S3ServiceUrl { get; set; }

    public Uri? EksServiceUrl { get; set; }

    /// <summary>Retries after the first attempt, for throttling, 5xx answers and connection failures.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each later one doubles it, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also the cap on a provider's <c>Retry-After</c>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>One attempt's timeout (connection and answer).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Uri? Ec2Endpoint => Ec2ServiceUrl ?? ServiceUrl;

    public Uri? S3Endpoint => S3ServiceUrl ?? ServiceUrl;

    public Uri? EksEndpoint => EksServiceUrl ?? ServiceUrl;

    internal bool IsValid() =>
        new[] { ServiceUrl, Ec2ServiceUrl, S3ServiceUrl, EksServiceUrl }.All(url => url is null || url.IsAbsoluteUri)
        && RetryBaseDelay >= TimeSpan.Zero && RetryMaxDelay >= RetryBaseDelay && RequestTimeout > TimeSpan.Zero;
}
