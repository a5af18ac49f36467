using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Inventory.Data;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Provider).HasMaxLength(20);
        builder.Property(r => r.Service).HasMaxLength(50);
        builder.Property(r => r.Region).HasMaxLength(100);
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.Property(r => r.Category).HasMaxLength(20);
        builder.Property(r => r.NativeId).HasMaxLength(1024);
        builder.Property(r => r.Name).HasMaxLength(512);
        builder.Property(r => r.Status).HasMaxLength(50);
        builder.Property(r => r.Tags).HasColumnType("jsonb");
        builder.Property(r => r.Attributes).HasColumnType("jsonb");
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsRemoved);
        builder.Ignore(r => r.ETag);
        builder.HasOne<CloudAccount>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => new { r.AccountId, r.Type, r.NativeId }).IsUnique();
        builder.HasIndex(r => new { r.AccountId, r.Service, r.Region });
        builder.HasIndex(r => new { r.Provider, r.Type, r.Region });
        builder.HasIndex(r => new { r.Category, r.Provider });
        builder.HasIndex(r => new { r.Name, r.Id });
        builder.HasIndex(r => new { r.UpdatedAt, r.Id });
        builder.HasIndex(r => r.NativeId);
        // Drift and other readers page through an account's live resources by id (internal API).
        builder.HasIndex(r => new { r.AccountId, r.Id }).HasFilter("removed_at IS NULL").HasDatabaseName("ix_resources_account_id_id_live");
        builder.HasIndex(r => r.Tags).HasMethod("gin").HasOperators("jsonb_path_ops");
        builder.HasIndex(r => r.Attributes).HasMethod("gin").HasOperators("jsonb_path_ops");
    }
}
