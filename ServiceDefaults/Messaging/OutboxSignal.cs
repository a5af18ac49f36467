using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace IacPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the relay as soon as an event is saved, so publishing does not wait for the next poll. SaveChanges signals
/// it by itself (an interceptor); code that writes outbox rows with SQL calls <see cref="Notify"/> after its commit.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer signalled between the check and the release: the relay wakes either way.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Signals the relay when outbox rows were saved: at once, or, when the save ran inside an explicit transaction
/// (inbox, multi-step writes), when that transaction commits; signalled before the commit, the relay would find
/// nothing yet and only publish at its next poll.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Marker = new();
    private readonly AsyncLocal<bool> _pending = new();
    private readonly ConditionalWeakTable<DbTransaction, object> _afterCommit = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context
            && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _pending.Value = true;
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending.Value)
        {
            _pending.Value = false;
            if (eventData.Context?.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            {
                _afterCommit.AddOrUpdate(transaction, Marker);
            }
            else
            {
                signal.Notify();
            }
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_afterCommit.Remove(transaction))
        {
            signal.Notify();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _afterCommit.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _afterCommit.Remove(transaction);
        return Task.CompletedTask;
    }
}
