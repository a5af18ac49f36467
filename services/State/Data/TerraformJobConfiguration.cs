using IacPlatform.State.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class TerraformJobConfiguration : IEntityTypeConfiguration<TerraformJob>
{
    public void Configure(EntityTypeBuilder<TerraformJob> builder)
    {
        builder.ToTable("terraform_jobs");
        builder.HasKey(j => j.Id);
        builder.HasOne<TerraformResource>().WithMany().HasForeignKey(j => j.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.ResourceId, j.CreatedAt });
        builder.HasIndex(j => j.Status);
        builder.HasIndex(j => j.TokenHash).IsUnique();
        builder.Property(j => j.Operation).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Workspace).HasMaxLength(Domain.Workspace.MaxNameLength);
        builder.Property(j => j.Message).HasMaxLength(TerraformJob.MaxMessageLength);
        builder.Property(j => j.CreatedByName).HasMaxLength(200);
        builder.Property(j => j.CreatedByRole).HasMaxLength(20);
        builder.Property(j => j.TokenHash).HasMaxLength(64);
        builder.Ignore(j => j.IsFinished);
    }
}
