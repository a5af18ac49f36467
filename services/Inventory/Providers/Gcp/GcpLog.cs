namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>The adapter's log events. The service account's email is not a secret; its private key never reaches a log.</summary>
internal static partial class GcpLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "GCP token acquired for {ClientEmail} (key {KeyId}); valid {ExpiresInSeconds} s")]
    public static partial void TokenAcquired(ILogger logger, string clientEmail, string keyId, long expiresInSeconds);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "GCP {Service}: {Operation} answered {StatusCode} {Reason} (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string service, string operation, int statusCode, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "GCP token request for {ClientEmail} (key {KeyId}) was refused: {Error}")]
    public static partial void TokenRefused(ILogger logger, string clientEmail, string keyId, string error);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "GCP {Service}: labels of {Resource} changed meanwhile (412); re-reading the fingerprint and retrying once")]
    public static partial void FingerprintStale(ILogger logger, string service, string resource);
}
