using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Inventory.Data;

internal sealed class SyncJobConfiguration : IEntityTypeConfiguration<SyncJob>
{
    public void Configure(EntityTypeBuilder<SyncJob> builder)
    {
        builder.ToTable("sync_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.Trigger).HasMaxLength(20);
        builder.Property(j => j.RequestedBy).HasMaxLength(200);
        builder.Property(j => j.Errors).HasColumnType("jsonb");
        builder.Ignore(j => j.IsFinished);
        builder.HasOne<CloudAccount>().WithMany().HasForeignKey(j => j.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.AccountId, j.CreatedAt });
        builder.HasIndex(j => j.Status).HasFilter("status IN ('queued', 'running')");
        builder.HasIndex(j => j.AccountId).IsUnique().HasFilter("status IN ('queued', 'running')")
            .HasDatabaseName("ix_sync_jobs_one_active_per_account");
    }
}
