namespace IacPlatform.Inventory.Providers.Azure;

/// <summary>The adapter's log events. Tenant and client ids are not secrets; the client secret never reaches a log.</summary>
internal static partial class AzureLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Azure token acquired for tenant {TenantId}, client {ClientId}; valid {ExpiresInSeconds} s")]
    public static partial void TokenAcquired(ILogger logger, string tenantId, string clientId, long expiresInSeconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Azure {Service}: {Operation} answered {StatusCode} (attempt {Attempt}, remaining subscription reads {RemainingReads}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string service, string operation, int statusCode, int attempt, string remainingReads, long delayMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Azure token request for tenant {TenantId}, client {ClientId} was refused: {Error}")]
    public static partial void TokenRefused(ILogger logger, string tenantId, string clientId, string error);
}
