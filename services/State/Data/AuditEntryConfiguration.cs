using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.WorkspaceId, a.At });
        builder.Property(a => a.Action).HasMaxLength(50);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.Details).HasColumnType("jsonb");
    }
}
