using IacPlatform.State.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class JobLogChunkConfiguration : IEntityTypeConfiguration<JobLogChunk>
{
    public void Configure(EntityTypeBuilder<JobLogChunk> builder)
    {
        builder.ToTable("terraform_job_log_chunks");
        builder.HasKey(c => new { c.JobId, c.Sequence });
        builder.HasOne<TerraformJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
