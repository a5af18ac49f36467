using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class PendingCheckConfiguration : IEntityTypeConfiguration<PendingCheck>
{
    public void Configure(EntityTypeBuilder<PendingCheck> builder)
    {
        builder.ToTable("pending_checks");
        builder.HasKey(c => new { c.Type, c.NativeId });
        builder.Property(c => c.Type).HasMaxLength(100);
        builder.Property(c => c.NativeId).HasMaxLength(1024);
        builder.HasIndex(c => c.DueAt);
    }
}
