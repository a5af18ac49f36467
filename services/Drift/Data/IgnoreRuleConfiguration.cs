using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class IgnoreRuleConfiguration : IEntityTypeConfiguration<IgnoreRuleEntry>
{
    public void Configure(EntityTypeBuilder<IgnoreRuleEntry> builder)
    {
        builder.ToTable("ignore_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Workspace).HasMaxLength(90);
        builder.Property(r => r.AddressPattern).HasMaxLength(500);
        builder.Property(r => r.AttributePath).HasMaxLength(300);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.Author).HasMaxLength(200);
        builder.HasIndex(r => r.Workspace);
    }
}
