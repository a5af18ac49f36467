using System.Security.Cryptography;
using System.Text.Json;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using IacPlatform.State.Domain.Backends;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.RateLimiting;
using Polly.Timeout;

namespace IacPlatform.State.Features.Backends;

/// <summary>Really connects: the built-in backend checks its own database, every other one is reached through the outbound guard.</summary>
internal sealed partial class BackendTester(
    IHttpClientFactory clients, StateDb db, BackendSecrets secrets, IOptions<StateBackendsOptions> options, TimeProvider time,
    ILogger<BackendTester> logger)
{
    public const string ClientName = "state-backends";

    public async Task<ProbeResult> TestAsync(StateBackend backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend.IsBuiltIn)
        {
            return await TestDatabaseAsync(cancellationToken);
        }

        IReadOnlyDictionary<string, string> secretValues;
        try
        {
            secretValues = secrets.Open(backend);
        }
        catch (CryptographicException ex)
        {
            return new ProbeResult(false, $"The backend's secret settings could not be decrypted: {ex.Message}", 0, null, null);
        }

        using var config = JsonDocument.Parse(backend.Config);
        var result = await ReachAsync(BackendProbes.For(backend.Type, config.RootElement, secretValues), cancellationToken);
        LogTested(logger, backend.Name, backend.Type, result.Success, result.ResponseTimeMs);
        return result;
    }

    /// <summary>Sends <paramref name="probe"/> once, within State:Backends:TestTimeout, and reads the answer or the failure.</summary>
    public async Task<ProbeResult> ReachAsync(ProbeRequest probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var timeout = options.Value.TestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(probe.Method, probe.Url);
        request.Headers.Authorization = probe.Authorization;
        var started = time.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var elapsed = Elapsed(started);
            var (success, message) = probe.Interpret(response);
            return new ProbeResult(success, message, elapsed, (int)response.StatusCode, probe.Url);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(probe, started, $"did not answer within {BackendProbes.Seconds(timeout)}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or RateLimiterRejectedException)
        {
            var failure = OutboundFailure.Describe(ex);
            if (failure.Kind == OutboundFailureKind.Refused)
            {
                return Unreachable(probe, started, $"was refused: {failure.Description}");
            }

            var route = (failure.Kind, probe.Cloud) switch
            {
                (OutboundFailureKind.NameResolution, "Azure") => "; either the storage account does not exist or this deployment has no route to Azure.",
                (OutboundFailureKind.NameResolution, { } cloud) => $"; this deployment has no route to {cloud}.",
                _ => ".",
            };
            return Unreachable(probe, started, $"could not be reached: {failure.Description}{route}");
        }
    }

    private async Task<ProbeResult> TestDatabaseAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var workspaces = await db.Workspaces.CountAsync(cancellationToken);
            var elapsed = Elapsed(started);
            return new ProbeResult(true, $"Connection successful: this service's state database answered in {elapsed}ms ({workspaces} workspaces).",
                elapsed, null, null);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return new ProbeResult(false, "This service's state database is not ready: " + ex.Message, Elapsed(started), null, null);
        }
    }

    private ProbeResult Unreachable(ProbeRequest probe, long started, string what) =>
        new(false, $"{probe.Subject} {probe.Url} {what}", Elapsed(started), null, probe.Url);

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "Tested backend {Backend} ({Type}): success {Success} in {ElapsedMs}ms")]
    private static partial void LogTested(ILogger logger, string backend, string type, bool success, long elapsedMs);
}
