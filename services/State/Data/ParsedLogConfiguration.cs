using IacPlatform.State.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class ParsedLogConfiguration : IEntityTypeConfiguration<ParsedLog>
{
    public void Configure(EntityTypeBuilder<ParsedLog> builder)
    {
        builder.ToTable("parsed_logs");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.Tool, l.CreatedAt });
        builder.Property(l => l.Tool).HasMaxLength(20);
        builder.Property(l => l.Format).HasMaxLength(20);
        builder.Property(l => l.Status).HasMaxLength(20);
        builder.Property(l => l.SourceName).HasMaxLength(255);
        builder.Property(l => l.CreatedByName).HasMaxLength(200);
        builder.Property(l => l.Summary).HasColumnType("jsonb");
    }
}
