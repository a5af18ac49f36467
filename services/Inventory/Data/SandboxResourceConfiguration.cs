using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Inventory.Data;

internal sealed class SandboxResourceConfiguration : IEntityTypeConfiguration<SandboxResource>
{
    public void Configure(EntityTypeBuilder<SandboxResource> builder)
    {
        builder.ToTable("sandbox_resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.Property(r => r.NativeId).HasMaxLength(1024);
        builder.Property(r => r.Name).HasMaxLength(512);
        builder.Property(r => r.Region).HasMaxLength(100);
        builder.Property(r => r.Status).HasMaxLength(50);
        builder.Property(r => r.Tags).HasColumnType("jsonb");
        builder.Property(r => r.Attributes).HasColumnType("jsonb");
        builder.Property(r => r.Origin).HasMaxLength(20);
        builder.Property(r => r.Address).HasMaxLength(1024);
        builder.HasOne<CloudAccount>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.AccountId, r.Type, r.NativeId }).IsUnique();
    }
}
