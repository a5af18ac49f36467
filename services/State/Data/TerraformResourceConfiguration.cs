using IacPlatform.State.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class TerraformResourceConfiguration : IEntityTypeConfiguration<TerraformResource>
{
    public void Configure(EntityTypeBuilder<TerraformResource> builder)
    {
        builder.ToTable("terraform_resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(TerraformResource.MaxNameLength);
        // A name is taken while its resource exists; once destroyed it may be used again.
        builder.HasIndex(r => r.Name).IsUnique().HasFilter("status <> 'Destroyed'");
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.Provider).HasMaxLength(20);
        builder.Property(r => r.Type).HasMaxLength(20);
        builder.Property(r => r.TerraformType).HasMaxLength(100);
        builder.Property(r => r.Configuration).HasColumnType("jsonb");
        builder.Property(r => r.Details).HasMaxLength(200);
        builder.Property(r => r.Workspace).HasMaxLength(Domain.Workspace.MaxNameLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outputs).HasColumnType("jsonb");
        builder.Property(r => r.CreatedByName).HasMaxLength(200);
        builder.Ignore(r => r.IsBusy);
    }
}
