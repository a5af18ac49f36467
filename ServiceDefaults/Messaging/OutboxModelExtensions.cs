using Microsoft.EntityFrameworkCore;

namespace IacPlatform.ServiceDefaults.Messaging;

public static class OutboxModelExtensions
{
    internal const string OutboxTable = "outbox_messages";
    internal const string InboxTable = "inbox_messages";

    /// <summary>Adds the outbox and inbox tables to a service's model (call from OnModelCreating).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(512);
            outbox.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            outbox.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            outbox.HasIndex(m => m.CreatedAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return modelBuilder;
    }
}
