using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class KnownWorkspaceConfiguration : IEntityTypeConfiguration<KnownWorkspace>
{
    public void Configure(EntityTypeBuilder<KnownWorkspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Name);
        builder.Property(w => w.Name).HasMaxLength(90);
        builder.Property(w => w.Coverage).HasColumnType("jsonb");
        builder.HasIndex(w => w.WorkspaceId);
        builder.HasIndex(w => w.LatestVersionId);
        builder.HasIndex(w => w.AccountIds).HasMethod("gin");
    }
}
