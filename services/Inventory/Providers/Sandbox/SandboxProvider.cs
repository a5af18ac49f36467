using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Providers.Sandbox;

/// <summary>
/// The sandbox cloud: its "API" is the account's rows in <c>sandbox_resources</c>, listed in pages like a real
/// provider (one budget permit per page) and changed by tag writes like a real one. Seeded from Terraform state
/// and changed out of band through the admin API, it gives the whole drift loop without a cloud.
/// </summary>
internal sealed class SandboxProvider(IServiceScopeFactory scopes) : ICloudProvider
{
    public const int PageSize = 1000;

    public static readonly ProviderService Service = new("sandbox", Regional: false, ResourceTypes: []);

    public string Kind => ProviderKinds.Sandbox;

    public IReadOnlyList<ProviderService> Services { get; } = [Service];

    public async IAsyncEnumerable<DiscoveredResource> DiscoverAsync(
        ProviderContext context, string region, ProviderService service,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        var after = Guid.Empty;
        while (true)
        {
            await context.Budget.AcquireAsync(region, service.Name, cancellationToken);
            List<SandboxResource> page;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
                page = await db.SandboxResources.FromSql(
                        $"SELECT * FROM sandbox_resources WHERE account_id = {context.AccountId} AND id > {after} ORDER BY id LIMIT {PageSize}")
                    .AsNoTracking().ToListAsync(cancellationToken);
            }

            foreach (var resource in page)
            {
                yield return new DiscoveredResource(resource.Type, resource.NativeId, resource.Name, resource.Region,
                    resource.Status, ReadTags(resource.Tags), JsonNode.Parse(resource.Attributes) as JsonObject ?? []);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public async Task WriteTagsAsync(
        ProviderContext context, ResourceLocator resource, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        await context.Budget.AcquireAsync(resource.Region, Service.Name, cancellationToken);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDb>();
        var row = await db.SandboxResources.SingleOrDefaultAsync(
            r => r.AccountId == context.AccountId && r.Type == resource.Type && r.NativeId == resource.NativeId, cancellationToken)
            ?? throw new ProviderException(ProviderErrorKind.Failed, $"The sandbox has no {resource.Type} '{resource.NativeId}' any more.");
        row.Change(null, null, JsonSerializer.Serialize(tags), null, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Dictionary<string, string> ReadTags(string json)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                tags[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }

        return tags;
    }
}
