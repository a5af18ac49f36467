using System.Data;
using IacPlatform.Inventory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Relationships;

/// <summary>
/// Re-derives an account's relationship edges from its resources' attributes: one set-based INSERT … SELECT
/// per <see cref="RelationshipRule"/> into a transaction-private scratch table, then only the difference is
/// written (stale edges deleted, new ones inserted), all in one batch (one round trip) and one transaction, so
/// readers see the old graph or the new one, never half. A steady-state sync of 100,000 resources rewrites
/// nothing instead of deleting and re-inserting every edge (and its three index entries and two foreign-key
/// checks) each time.
/// </summary>
internal sealed class RelationshipDeriver(TimeProvider time)
{
    /// <summary>
    /// Recomputes inside <paramref name="db"/>'s current transaction when one is open (the sync's), otherwise
    /// in a transaction of its own. Returns the number of edges the account has now.
    /// </summary>
    public async Task<int> RecomputeAsync(InventoryDb db, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            return await RecomputeAsync(connection, transaction, accountId, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Recomputes on an open <paramref name="connection"/>, inside <paramref name="transaction"/> when given,
    /// otherwise in a transaction of its own (so pass the transaction if one is open on the connection).
    /// </summary>
    public async Task<int> RecomputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        await using var batch = new NpgsqlBatch(connection, transaction ?? own);
        var derivedAt = time.GetUtcNow();
        batch.BatchCommands.Add(Command(RelationshipSql.LockAccount, accountId));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RelationshipSql.CreateScratch));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RelationshipSql.TruncateScratch));
        var firstRule = batch.BatchCommands.Count;
        foreach (var rule in RelationshipRules.All)
        {
            batch.BatchCommands.Add(RuleCommand(rule, accountId));
        }

        var lastRule = batch.BatchCommands.Count - 1;
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RelationshipSql.AnalyzeScratch));
        batch.BatchCommands.Add(Command(RelationshipSql.DeleteStale, accountId));
        batch.BatchCommands.Add(Command(RelationshipSql.UpdateAttributes, accountId, derivedAt));
        batch.BatchCommands.Add(Command(RelationshipSql.InsertNew, accountId, derivedAt));

        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        // The scratch table's primary key drops duplicates, so the rules' inserts add up to the account's edges.
        var derived = 0;
        for (var i = firstRule; i <= lastRule; i++)
        {
            derived += batch.BatchCommands[i].RecordsAffected;
        }

        return derived;
    }

    private static NpgsqlBatchCommand Command(string sql, Guid accountId, DateTimeOffset? derivedAt = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("account", accountId));
        if (derivedAt is { } at)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("derived_at", at));
        }

        return command;
    }

    private static NpgsqlBatchCommand RuleCommand(RelationshipRule rule, Guid accountId)
    {
        var command = Command(RelationshipSql.For(rule), accountId);
        var parameters = command.Parameters;
        parameters.Add(TextArray("source_types", rule.SourceTypes));
        parameters.Add(new NpgsqlParameter<string>("path", rule.JsonPath));
        parameters.Add(TextArray("target_types", rule.TargetTypes));
        parameters.Add(new NpgsqlParameter<string>("type", rule.Type));
        parameters.Add(new NpgsqlParameter<string>("attribute", rule.RecordedAttribute));
        parameters.Add(new NpgsqlParameter<bool>("reversed", rule.Reversed));
        if (rule.Via is { } via)
        {
            parameters.Add(TextArray("via_types", via.Types));
            parameters.Add(new NpgsqlParameter<string>("via_path", via.JsonPath));
        }

        return command;
    }

    private static NpgsqlParameter TextArray(string name, IReadOnlyList<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
