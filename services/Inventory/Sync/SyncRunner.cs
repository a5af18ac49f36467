using System.Diagnostics;
using System.Threading.Channels;
using IacPlatform.Contracts.Inventory;
using IacPlatform.Inventory.Accounts;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Relationships;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IacPlatform.Inventory.Sync;

/// <summary>
/// Runs one claimed sync job: every (region, service) unit of the account's provider, each listed to the end and
/// ingested in batches; a unit that fails is reported and leaves its resources untouched; then provider health,
/// relationships, the job's result and SyncCompleted.
/// </summary>
internal sealed partial class SyncRunner(
    IServiceScopeFactory scopes,
    ProviderRegistry providers,
    RequestBudgets budgets,
    RelationshipDeriver relationships,
    OutboxSignal outbox,
    IOptions<InventoryServiceOptions> options,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    private const int MaxParallelUnits = 4;
    private const int AnalyzeAfterChangedRows = 5_000;

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
        var job = await db.SyncJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        var account = await db.Accounts.SingleAsync(a => a.Id == job.AccountId, cancellationToken);

        if (Refusal(account, providers.Find(account.Provider)) is { } refusal)
        {
            job.Fail(Errors([UnitError.Job(refusal)]), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var provider = providers.Find(account.Provider)!;
        CloudCredentials? credentials;
        try
        {
            credentials = vault.Open(account);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            LogCredentialsUnreadable(logger, ex, account.Id);
            credentials = null;
        }

        if (credentials is null)
        {
            job.Fail(Errors([UnitError.Job("The account's credentials could not be read; store them again.", "unauthorized")]), time.GetUtcNow());
            account.RecordSync(time.GetUtcNow(), AccountHealth.Unhealthy, null, "The account's credentials could not be read.");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var units = provider.Services
            .SelectMany(service => service.Regional
                ? account.SyncRegions().Select(region => (Region: region, Service: service))
                : [(Region: ProviderService.GlobalRegion, Service: service)])
            .ToList();
        job.Start(units.Count, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var budget = new CountingBudget(budgets.For(account.Id, account.Provider));
        var context = new ProviderContext(account.Id, account.Name, credentials, budget);
        var connectionString = SyncConnectionString(db.Database.GetConnectionString()!);
        var results = new List<(SyncCounts Counts, UnitError? Error, TimeSpan Discovery)>();
        var completed = 0;
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(connectionString, job.Id, heartbeatStop.Token);
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelUnits, CancellationToken = cancellationToken },
            async (unit, token) =>
            {
                var result = await RunUnitAsync(connectionString, provider, context, job.Id, unit.Region, unit.Service, token);
                lock (results)
                {
                    results.Add(result);
                }

                await ReportProgressAsync(connectionString, job.Id, Interlocked.Increment(ref completed), token);
            });

        await heartbeatStop.CancelAsync();
        await heartbeat;
        var counts = results.Aggregate(SyncCounts.None, (sum, r) => sum.Add(r.Counts));
        var errors = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        var now = time.GetUtcNow();
        var discovery = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Discovery);
        int? latency = budget.Requests > 0 ? (int)Math.Round(discovery.TotalMilliseconds / budget.Requests) : null;
        var health = errors.Count == 0 ? (latency > 2000 ? AccountHealth.Degraded : AccountHealth.Healthy)
            : errors.Count >= units.Count ? AccountHealth.Unhealthy
            : AccountHealth.Degraded;

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            if (counts.Created + counts.Removed >= AnalyzeAfterChangedRows)
            {
                // Fresh statistics before the relationship joins: with the planner still believing the table is
                // small, the derivation of a 100,000-resource first sync took 43 s instead of 10 s (bench/results).
                await using var analyze = new NpgsqlCommand("ANALYZE resources", connection);
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            await relationships.RecomputeAsync(connection, null, account.Id, cancellationToken);
        }

        await db.Entry(job).ReloadAsync(cancellationToken);
        job.Finish(counts, Errors(errors), errors.Count, now);
        account.RecordSync(now, health, latency, errors.Count == 0 ? null : Shorten(string.Join("; ", errors.Select(Describe))));
        db.StageEvent(new SyncCompleted(Guid.CreateVersion7(now), now, job.Id, account.Id, account.Provider, job.Status,
            counts.Discovered, counts.Created, counts.Updated, counts.Unchanged, counts.Removed, errors.Count));
        await db.SaveChangesAsync(cancellationToken);
        LogFinished(logger, job.Id, account.Id, job.Status, counts.Discovered, counts.Created, counts.Updated, counts.Removed, errors.Count);
    }

    private async Task<(SyncCounts Counts, UnitError? Error, TimeSpan Discovery)> RunUnitAsync(
        string connectionString, ICloudProvider provider, ProviderContext context, Guid jobId, string region,
        ProviderService service, CancellationToken cancellationToken)
    {
        var scope = new IngestScope(context.AccountId, provider.Kind, service.Name, service.Regional ? region : null, jobId);
        var unitStartedAt = time.GetUtcNow();
        var counts = SyncCounts.None;
        var discovery = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.UnitTimeout);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);

            // Listing and staging (client CPU) overlap with the previous batch's ingest (server CPU): the provider is
            // read into a channel one batch ahead, so a unit costs max(listing, writing) rather than their sum.
            var staged = Channel.CreateBounded<List<StagedResource>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            using var listing = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            var producer = ProduceBatchesAsync(provider, context, region, service, scope.Region, staged.Writer, discovery, listing.Token);
            try
            {
                await foreach (var batch in staged.Reader.ReadAllAsync(timeout.Token))
                {
                    counts = counts.Add(await ResourceIngest.IngestAsync(connection, scope, batch, time.GetUtcNow(), timeout.Token));
                    outbox.Notify(); // the batch's events were written by SQL: no SaveChanges interceptor wakes the relay
                }
            }
            catch
            {
                // The write failed: stop the listing; its own outcome is only our cancellation, the write's error wins.
                await listing.CancelAsync();
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            await producer; // a listing failure ends the channel early and surfaces here, before anything is marked removed
            var removed = await ResourceIngest.MarkUnseenRemovedAsync(connection, scope, unitStartedAt, time.GetUtcNow(), timeout.Token);
            outbox.Notify();
            return (counts with { Removed = removed }, null, discovery.Elapsed);
        }
        catch (ProviderException ex)
        {
            LogUnitFailed(logger, ex, context.AccountId, region, service.Name);
            return (counts, new UnitError(region, service.Name, ex.Kind.ToString().ToLowerInvariant(), ex.Message), discovery.Elapsed);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (counts, new UnitError(region, service.Name, "timeout",
                $"Listing {service.Name} in {region} took longer than {options.Value.UnitTimeout}."), discovery.Elapsed);
        }
    }

    /// <summary>
    /// Lists the unit into staged batches on the channel, one batch ahead of the writer. The channel is completed
    /// however the listing ends; a listing failure is this task's exception.
    /// </summary>
    private async Task ProduceBatchesAsync(
        ICloudProvider provider, ProviderContext context, string region, ProviderService service, string? forcedRegion,
        ChannelWriter<List<StagedResource>> writer, Stopwatch discovery, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var batchSize = options.Value.IngestBatchSize;
            var batch = new List<DiscoveredResource>(batchSize);
            await foreach (var resource in provider.DiscoverAsync(context, region, service, cancellationToken))
            {
                if (Usable(resource))
                {
                    batch.Add(resource);
                }

                if (batch.Count >= batchSize)
                {
                    discovery.Stop();
                    await writer.WriteAsync(ResourceIngest.Stage(batch, forcedRegion), cancellationToken);
                    batch.Clear();
                    discovery.Start();
                }
            }

            discovery.Stop();
            if (batch.Count > 0)
            {
                await writer.WriteAsync(ResourceIngest.Stage(batch, forcedRegion), cancellationToken);
            }
        }
        finally
        {
            discovery.Stop();
            writer.TryComplete();
        }
    }

    private static async Task ReportProgressAsync(string connectionString, Guid jobId, int completed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE sync_jobs SET completed_units = GREATEST(completed_units, @completed), heartbeat_at = now() WHERE id = @id", connection);
        command.Parameters.AddWithValue("completed", completed);
        command.Parameters.AddWithValue("id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The sync's statements are large set-based ones whose estimated cost crosses PostgreSQL's JIT threshold; JIT
    /// compilation made classification 7× slower in the ingest benchmark, so the sync's connections turn it off.
    /// </summary>
    private static string SyncConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c jit=off" }.ConnectionString;

    /// <summary>Keeps the job's heartbeat fresh while units run, so a replica's reaper never mistakes it for a dead one.</summary>
    private async Task HeartbeatAsync(string connectionString, Guid jobId, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stop);
                await using var command = new NpgsqlCommand("UPDATE sync_jobs SET heartbeat_at = now() WHERE id = @id", connection);
                command.Parameters.AddWithValue("id", jobId);
                await command.ExecuteNonQueryAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The units are done.
        }
        catch (NpgsqlException ex)
        {
            LogHeartbeatFailed(logger, ex, jobId);
        }
    }

    /// <summary>Provider output the model cannot hold is skipped rather than failing the batch.</summary>
    private static bool Usable(DiscoveredResource resource) =>
        resource.Type.Length is > 0 and <= 100 && resource.NativeId.Length is > 0 and <= 1024
        && resource.Name.Length <= 512 && resource.Status.Length <= 50 && resource.Region.Length <= 100;

    private static string? Refusal(CloudAccount account, ICloudProvider? provider) =>
        account.DeletedAt is not null ? "The account was deleted."
        : !account.IsActive ? "The account is inactive."
        : provider is null ? $"No adapter for provider '{account.Provider}' is registered."
        : null;

    private static string Errors(IEnumerable<UnitError> errors) => UnitError.ToJson(errors);

    private static string Describe(UnitError error) =>
        error.Service is null ? error.Message : $"{error.Service} in {error.Region}: {error.Message}";

    private static string Shorten(string text) => text.Length > 2000 ? text[..2000] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of account {AccountId}: {Service} in {Region} failed")]
    private static partial void LogUnitFailed(ILogger logger, Exception exception, Guid accountId, string region, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of sync job {JobId} failed; the job may be reaped as stale")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The credentials of account {AccountId} could not be decrypted")]
    private static partial void LogCredentialsUnreadable(ILogger logger, Exception exception, Guid accountId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sync {JobId} of account {AccountId} {Status}: {Discovered} seen, {Created} new, {Updated} changed, {Removed} removed, {FailedUnits} failed units")]
    private static partial void LogFinished(ILogger logger, Guid jobId, Guid accountId, string status, int discovered, int created, int updated, int removed, int failedUnits);
}
