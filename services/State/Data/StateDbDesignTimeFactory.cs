using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IacPlatform.State.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class StateDbDesignTimeFactory : IDesignTimeDbContextFactory<StateDb>
{
    public StateDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StateDb>().UseNpgsql("Host=localhost;Database=state").Options);
}
