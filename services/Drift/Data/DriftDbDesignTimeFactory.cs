using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IacPlatform.Drift.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DriftDbDesignTimeFactory : IDesignTimeDbContextFactory<DriftDb>
{
    public DriftDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DriftDb>().UseNpgsql("Host=localhost;Database=drift").Options);
}
