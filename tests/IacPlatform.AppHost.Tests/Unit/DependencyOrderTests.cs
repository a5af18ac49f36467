using IacPlatform.AppHost.Model;
using IacPlatform.AppHost.Orchestration;
using Shouldly;

namespace IacPlatform.AppHost.Tests.Unit;

public sealed class DependencyOrderTests
{
    [Fact]
    public void Sort_FleetModel_StartsIdentityFirstAndGatewayLast()
    {
        var order = DependencyOrder.Sort(Fleet.Create()).Select(p => p.Name).ToList();

        order.ShouldBe(["identity", "state", "inventory", "drift", "gateway"]);
    }

    [Fact]
    public void Sort_ServiceDeclaredAfterGateway_GatewayStillStartsLast()
    {
        var model = Fleet.Create();
        model.AddProject("cost", "services/Cost/IacPlatform.Cost.csproj").WithDatabase((InfrastructureResource)model.Get("postgres"), "costdb");

        var order = DependencyOrder.Sort(model).Select(p => p.Name).ToList();

        order.ShouldBe(["identity", "state", "inventory", "drift", "cost", "gateway"]);
    }

    [Fact]
    public void Sort_ReferenceCycle_ThrowsNamingTheCycle()
    {
        var model = new FleetModel();
        var a = model.AddProject("a", "a/A.csproj");
        var b = model.AddProject("b", "b/B.csproj").WithReference(a);
        a.WithReference(b);

        Should.Throw<InvalidOperationException>(() => DependencyOrder.Sort(model)).Message.ShouldContain("a -> b -> a");
    }

    [Fact]
    public void AddProject_DuplicateName_Throws()
    {
        var model = Fleet.Create();

        Should.Throw<InvalidOperationException>(() => model.AddProject("identity", "x/X.csproj"));
    }
}
