using IacPlatform.Inventory.Providers;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Azure;

public sealed class AzureTagTests : IAsyncLifetime
{
    private const string Vm = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01";
    private const string TagsPath = Vm + "/providers/Microsoft.Resources/tags/default";
    private AzureTestCloud _azure = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _azure = await AzureTestCloud.StartAsync();

    public async ValueTask DisposeAsync() => await _azure.DisposeAsync();

    [Fact]
    public async Task WriteTags_VirtualMachine_PutsTheWholeSetOnItsTagsResource()
    {
        _azure.Cloud.On("PUT", TagsPath).ReplyFile("azure/tags-default.json");

        await _azure.Provider.WriteTagsAsync(_azure.Context, new ResourceLocator("azurerm_linux_virtual_machine", Vm, "westeurope", "{}"),
            new Dictionary<string, string> { ["env"] = "staging", ["owner"] = "web-team" }, Ct);

        var put = _azure.Cloud.To(TagsPath).ShouldHaveSingleItem();
        put.Method.ShouldBe("PUT");
        put.Query["api-version"].ShouldBe("2021-04-01");
        put.Authorization.ShouldBe("Bearer " + AzureTestCloud.AccessToken);
        put.ContentType.ShouldStartWith("application/json");
        put.Json!.ToJsonString().ShouldBe("""{"properties":{"tags":{"env":"staging","owner":"web-team"}}}""");
        _azure.Budget.Permits.ShouldBe([("global", "compute")]);
    }

    [Fact]
    public async Task WriteTags_NoTags_PutsAnEmptySetSoEveryTagIsRemoved()
    {
        var account = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/acmewebassets";
        _azure.Cloud.On("PUT", account + "/providers/Microsoft.Resources/tags/default").Reply(200, """{"properties":{"tags":{}}}""");

        await _azure.Provider.WriteTagsAsync(_azure.Context, new ResourceLocator("azurerm_storage_account", account, "westeurope", "{}"),
            new Dictionary<string, string>(), Ct);

        _azure.ApiRequests.ShouldHaveSingleItem().Json!.ToJsonString().ShouldBe("""{"properties":{"tags":{}}}""");
        _azure.Budget.Permits.ShouldBe([("global", "storage")]);
    }

    [Theory]
    [InlineData("azurerm_subnet", "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-app")]
    [InlineData("azurerm_kubernetes_cluster_node_pool", "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod/agentPools/batch")]
    [InlineData("azurerm_key_vault", "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-acme-sec")]
    public async Task WriteTags_TypeWithoutOwnTags_ThrowsUnsupportedWithoutCallingAzure(string type, string id)
    {
        var error = await Should.ThrowAsync<ProviderException>(() => _azure.Provider.WriteTagsAsync(
            _azure.Context, new ResourceLocator(type, id, "westeurope", "{}"), new Dictionary<string, string> { ["env"] = "x" }, Ct));

        error.Kind.ShouldBe(ProviderErrorKind.Unsupported);
        _azure.Cloud.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/other")]
    [InlineData("/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/../../../x")]
    [InlineData("https://attacker.example/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg")]
    [InlineData("/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm?api-version=1")]
    public async Task WriteTags_IdOutsideTheAccountsSubscription_IsRefusedWithoutCallingAzure(string id)
    {
        var error = await Should.ThrowAsync<ProviderException>(() => _azure.Provider.WriteTagsAsync(
            _azure.Context, new ResourceLocator("azurerm_linux_virtual_machine", id, "westeurope", "{}"), new Dictionary<string, string>(), Ct));

        error.Kind.ShouldBe(ProviderErrorKind.Unsupported);
        _azure.Cloud.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteTags_Forbidden_ThrowsUnauthorized()
    {
        _azure.Cloud.On("PUT", TagsPath).Reply(403,
            """{"error":{"code":"AuthorizationFailed","message":"The client does not have authorization to perform action 'Microsoft.Resources/tags/write'."}}""");

        var error = await Should.ThrowAsync<ProviderException>(() => _azure.Provider.WriteTagsAsync(_azure.Context,
            new ResourceLocator("azurerm_linux_virtual_machine", Vm, "westeurope", "{}"), new Dictionary<string, string> { ["a"] = "b" }, Ct));

        error.Kind.ShouldBe(ProviderErrorKind.Unauthorized);
        error.Message.ShouldContain("Microsoft.Resources/tags/write");
    }
}
