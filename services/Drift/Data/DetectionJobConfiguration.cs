using System.Text.Json;
using IacPlatform.Drift.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Drift.Data;

internal sealed class DetectionJobConfiguration : IEntityTypeConfiguration<DetectionJob>
{
    private static readonly JsonSerializerOptions KeyJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<DetectionJob> builder)
    {
        builder.ToTable("detection_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Trigger).HasMaxLength(20);
        builder.Property(j => j.Workspace).HasMaxLength(90);
        builder.Property(j => j.CheckType).HasMaxLength(20);
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.RequestedBy).HasMaxLength(200);
        builder.Property(j => j.Keys).HasColumnType("jsonb").HasConversion(
            keys => JsonSerializer.Serialize(keys, KeyJson),
            json => JsonSerializer.Deserialize<List<CheckKey>>(json, KeyJson) ?? new List<CheckKey>(),
            new ValueComparer<List<CheckKey>>((a, b) => a!.SequenceEqual(b!), keys => keys.Aggregate(0, (h, k) => HashCode.Combine(h, k)), keys => keys.ToList()));
        builder.Ignore(j => j.DriftCount);
        builder.HasIndex(j => j.CreatedAt);
        builder.HasIndex(j => j.Status).HasFilter("status IN ('pending', 'running')");
        builder.HasIndex(j => new { j.Workspace, j.CreatedAt });
    }
}
