using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Inventory.Data;

internal sealed class CloudAccountConfiguration : IEntityTypeConfiguration<CloudAccount>
{
    public void Configure(EntityTypeBuilder<CloudAccount> builder)
    {
        builder.ToTable("cloud_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Provider).HasMaxLength(20);
        builder.Property(a => a.Region).HasMaxLength(100);
        builder.Property(a => a.CredentialHint).HasMaxLength(200);
        builder.Property(a => a.CredentialKeyId).HasMaxLength(64);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.Property(a => a.FollowWorkspace).HasMaxLength(90);
        builder.HasIndex(a => a.FollowWorkspace).HasFilter("follow_workspace IS NOT NULL AND deleted_at IS NULL");
        builder.Property(a => a.HealthStatus).HasMaxLength(20);
        builder.Property(a => a.LastError).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Credentials);
        builder.HasIndex(a => a.NextSyncAt).HasFilter("deleted_at IS NULL AND is_active");
    }
}
