using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(Workspace.MaxNameLength);
        builder.HasIndex(w => w.Name).IsUnique();
        builder.Property(w => w.Description).HasMaxLength(500);
        builder.Property(w => w.Lineage).HasMaxLength(100);
        builder.Property(w => w.LockId).HasMaxLength(200);
        builder.Property(w => w.LockedByName).HasMaxLength(200);
        builder.Ignore(w => w.IsLocked);
    }
}
