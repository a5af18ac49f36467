using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class ManagedResourceConfiguration : IEntityTypeConfiguration<ManagedResource>
{
    public void Configure(EntityTypeBuilder<ManagedResource> builder)
    {
        builder.ToTable("managed_resources");
        builder.HasKey(r => new { r.Workspace, r.Address });
        builder.Property(r => r.Workspace).HasMaxLength(90);
        builder.Property(r => r.Address).HasMaxLength(1024);
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.Property(r => r.NativeId).HasMaxLength(1024);
        builder.Property(r => r.Provider).HasMaxLength(100);
        builder.Property(r => r.Attributes).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.Type, r.NativeId });
    }
}
