using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class DriftResultConfiguration : IEntityTypeConfiguration<DriftResult>
{
    public void Configure(EntityTypeBuilder<DriftResult> builder)
    {
        builder.ToTable("drift_results");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Workspace).HasMaxLength(90);
        builder.Property(r => r.Address).HasMaxLength(1024);
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.Property(r => r.NativeId).HasMaxLength(1024);
        builder.Property(r => r.Region).HasMaxLength(100);
        builder.Property(r => r.Environment).HasMaxLength(20);
        builder.Property(r => r.DriftStatus).HasMaxLength(20);
        builder.Property(r => r.Severity).HasMaxLength(20);
        builder.Property(r => r.SeverityRule).HasMaxLength(50);
        builder.Property(r => r.Differences).HasColumnType("jsonb");
        builder.Property(r => r.IgnoredDifferences).HasColumnType("jsonb");
        builder.HasOne<DetectionJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CompletedAt, r.Id });
        builder.HasIndex(r => new { r.ResourceId, r.CompletedAt });
        builder.HasIndex(r => new { r.Workspace, r.CompletedAt });
        builder.HasIndex(r => r.JobId);
    }
}
