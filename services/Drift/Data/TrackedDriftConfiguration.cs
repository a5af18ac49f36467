using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class TrackedDriftConfiguration : IEntityTypeConfiguration<TrackedDrift>
{
    public void Configure(EntityTypeBuilder<TrackedDrift> builder)
    {
        builder.ToTable("drift_findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.WorkspaceKey).HasMaxLength(90);
        builder.Property(f => f.Workspace).HasMaxLength(90);
        builder.Property(f => f.Address).HasMaxLength(1024);
        builder.Property(f => f.Type).HasMaxLength(100);
        builder.Property(f => f.NativeId).HasMaxLength(1024);
        builder.Property(f => f.Region).HasMaxLength(100);
        builder.Property(f => f.Environment).HasMaxLength(20);
        builder.Property(f => f.Status).HasMaxLength(20);
        builder.Property(f => f.Severity).HasMaxLength(20);
        builder.Property(f => f.SeverityRule).HasMaxLength(50);
        builder.Property(f => f.Differences).HasColumnType("jsonb");
        builder.Property(f => f.Fingerprint).HasMaxLength(64);
        builder.HasIndex(f => new { f.WorkspaceKey, f.Type, f.NativeId }).IsUnique();
        builder.HasIndex(f => new { f.Type, f.NativeId });
        builder.HasIndex(f => f.ResourceId);
    }
}
