using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IacPlatform.Identity.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class IdentityDbDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>().UseNpgsql("Host=localhost;Database=identity").Options);
}
