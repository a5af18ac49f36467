using System.Text;
using System.Text.Json;

namespace IacPlatform.Bench.Inventory;

/// <summary>One instance of the benchmarked DSL query: a column, a tag and a JSON attribute filter, sorted by name, first page.</summary>
internal sealed record QueryCase(string Provider, string Env, string InstanceType)
{
    public string Label => $"{Provider}/{Env}/{InstanceType}";

    /// <summary>The request body exactly as a client POSTs it to /api/v1/resources/search.</summary>
    public byte[] Body() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        filter = new
        {
            and = new object[]
            {
                new { field = "provider", @operator = "eq", value = Provider },
                new { field = "tags.env", @operator = "eq", value = Env },
                new { field = "attributes.instance_type", @operator = "eq", value = InstanceType },
            },
        },
        sort = new[] { new { field = "name", direction = "asc" } },
        pagination = new { limit = 50 },
    }));

    /// <summary>
    /// The workload: every (provider, env, provider's machine size) combination equally likely, so rare combinations
    /// (few matches, the hard case for a walk in name order) are asked as often as common ones.
    /// </summary>
    public static List<QueryCase> Workload(int count, int seed)
    {
        var all = ResourceCatalog.Providers
            .SelectMany(p => ResourceCatalog.Environments.SelectMany(env => p.MachineTypes.Select(m => new QueryCase(p.Name, env.Value, m.Value))))
            .ToList();
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => all[random.Next(all.Count)])];
    }
}
