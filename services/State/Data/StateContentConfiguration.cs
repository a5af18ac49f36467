using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class StateContentConfiguration : IEntityTypeConfiguration<StateContent>
{
    public void Configure(EntityTypeBuilder<StateContent> builder)
    {
        builder.ToTable("state_contents");
        builder.HasKey(c => c.VersionId);
        builder.HasOne<StateVersion>().WithOne().HasForeignKey<StateContent>(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.KeyId).HasMaxLength(64);
        builder.Property(c => c.Encoding).HasMaxLength(16);
        builder.HasIndex(c => c.KeyId);
    }
}
