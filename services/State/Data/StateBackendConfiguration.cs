using IacPlatform.State.Domain.Backends;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.State.Data;

internal sealed class StateBackendConfiguration : IEntityTypeConfiguration<StateBackend>
{
    public void Configure(EntityTypeBuilder<StateBackend> builder)
    {
        builder.ToTable("state_backends");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(StateBackend.MaxNameLength);
        builder.HasIndex(b => b.Name).IsUnique();
        builder.Property(b => b.Type).HasMaxLength(20);
        builder.Property(b => b.Config).HasColumnType("jsonb");
        builder.Property(b => b.SecretKeyId).HasMaxLength(64);
        builder.Property(b => b.Status).HasMaxLength(20)
            .HasConversion(status => status.ToString().ToLowerInvariant(), value => Enum.Parse<BackendStatus>(value, true));
        builder.Property(b => b.LastTestStatus).HasMaxLength(20);
        builder.Property(b => b.LastTestMessage).HasMaxLength(1000);
        builder.Property(b => b.CreatedByName).HasMaxLength(200);
        builder.Ignore(b => b.IsBuiltIn);
        builder.Ignore(b => b.Secrets);

        // The built-in backend exists from the first migration on, with its documented id.
        builder.HasData(StateBackend.BuiltIn());
    }
}
