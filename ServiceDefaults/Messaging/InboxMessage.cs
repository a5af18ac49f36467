namespace IacPlatform.ServiceDefaults.Messaging;

/// <summary>A message a consumer has processed; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
        Consumer = string.Empty;
    }

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }
}
