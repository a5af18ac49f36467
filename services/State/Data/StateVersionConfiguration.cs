using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class StateVersionConfiguration : IEntityTypeConfiguration<StateVersion>
{
    public void Configure(EntityTypeBuilder<StateVersion> builder)
    {
        builder.ToTable("state_versions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.WorkspaceId, v.Serial }).IsUnique();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(v => v.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Lineage).HasMaxLength(100);
        builder.Property(v => v.TerraformVersion).HasMaxLength(50);
        builder.Property(v => v.Checksum).HasMaxLength(64);
        builder.Property(v => v.Md5).HasMaxLength(24);
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Reason).HasMaxLength(500);
        builder.Property(v => v.CreatedByName).HasMaxLength(200);
    }
}
