using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IacPlatform.Inventory.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class InventoryDbDesignTimeFactory : IDesignTimeDbContextFactory<InventoryDb>
{
    public InventoryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InventoryDb>().UseNpgsql("Host=localhost;Database=inventory").Options);
}
