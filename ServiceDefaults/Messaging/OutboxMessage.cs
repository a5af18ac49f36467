namespace IacPlatform.ServiceDefaults.Messaging;

/// <summary>An integration event staged in the service's database, waiting for the relay.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        MessageType = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>"Namespace.Type, Assembly" of the contract.</summary>
    public string MessageType { get; private set; }

    /// <summary>The event as JSON (jsonb).</summary>
    public string Body { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    internal static OutboxMessage Create(Guid id, Type type, string body, DateTimeOffset occurredAt, DateTimeOffset now) =>
        new()
        {
            Id = id,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = body,
            OccurredAt = occurredAt,
            CreatedAt = now,
        };

    internal void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        LastError = null;
        NextAttemptAt = null;
    }

    internal void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + BackoffFor(Attempts);
    }

    /// <summary>250 ms doubling per attempt, capped at 30 s: an outage costs seconds, not a storm.</summary>
    internal static TimeSpan BackoffFor(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(attempts - 1, 10)), 30_000));
}
