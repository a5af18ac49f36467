using IacPlatform.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IacPlatform.Identity.Data;

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        builder.Property(u => u.FirstName).HasMaxLength(100);
        builder.Property(u => u.LastName).HasMaxLength(100);
        builder.Property(u => u.Role).HasMaxLength(16);
        builder.Property(u => u.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        builder.Ignore(u => u.IsAdmin);

        // Identity only indexes NormalizedEmail; the platform wants one account per e-mail address even
        // when two registrations race past the validator.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ix_users_normalized_email_unique");
        builder.HasIndex(u => u.Role);
    }
}
