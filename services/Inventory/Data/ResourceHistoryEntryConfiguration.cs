using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Inventory.Data;

internal sealed class ResourceHistoryEntryConfiguration : IEntityTypeConfiguration<ResourceHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ResourceHistoryEntry> builder)
    {
        builder.ToTable("resource_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).UseIdentityAlwaysColumn();
        builder.Property(h => h.Change).HasMaxLength(20);
        builder.Property(h => h.Name).HasMaxLength(512);
        builder.Property(h => h.Status).HasMaxLength(50);
        builder.Property(h => h.Region).HasMaxLength(100);
        builder.Property(h => h.Tags).HasColumnType("jsonb");
        builder.Property(h => h.Attributes).HasColumnType("jsonb");
        builder.Property(h => h.Actor).HasMaxLength(200);
        builder.HasOne<Resource>().WithMany().HasForeignKey(h => h.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.ResourceId, h.RecordedAt });
        builder.HasIndex(h => h.RecordedAt);
    }
}
