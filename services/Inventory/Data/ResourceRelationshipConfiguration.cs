using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Inventory.Data;

internal sealed class ResourceRelationshipConfiguration : IEntityTypeConfiguration<ResourceRelationship>
{
    public void Configure(EntityTypeBuilder<ResourceRelationship> builder)
    {
        builder.ToTable("resource_relationships");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.Property(r => r.Type).HasMaxLength(50);
        builder.Property(r => r.Attribute).HasMaxLength(200);
        builder.HasOne<Resource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resource>().WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SourceId, r.TargetId, r.Type }).IsUnique();
        builder.HasIndex(r => r.TargetId);
        builder.HasIndex(r => r.AccountId);
    }
}
