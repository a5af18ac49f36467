using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// Deterministic realistic resources: Terraform types and services per provider, regions, skewed env/team tags,
/// a Name tag, and attributes shaped by the type's role (machine size, numbers, booleans, nested objects, arrays).
/// </summary>
internal sealed partial class ResourceGenerator(int seed) : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly WeightedChoice<string> Environments = new(ResourceCatalog.Environments);
    private static readonly WeightedChoice<string> Teams = new(ResourceCatalog.Teams);
    private static readonly Dictionary<string, (WeightedChoice<ResourceType> Types, WeightedChoice<string> Machines)> Choices =
        ResourceCatalog.Providers.ToDictionary(
            p => p.Name,
            p => (new WeightedChoice<ResourceType>(p.Types.Select(t => (t, t.Weight))), new WeightedChoice<string>(p.MachineTypes)),
            StringComparer.Ordinal);

    private readonly Random _random = new(seed);
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _json = new(Stream.Null);
    private readonly Dictionary<(Guid Account, string Type), List<string>> _known = [];

    public void Dispose() => _json.Dispose();

    public GeneratedResource Next(BenchAccount account, long sequence)
    {
        ArgumentNullException.ThrowIfNull(account);
        var profile = account.Provider;
        var (types, machines) = Choices[profile.Name];
        var type = types.Pick(_random);
        var region = profile.Regions[_random.Next(profile.Regions.Length)];
        var env = Environments.Pick(_random);
        var team = Teams.Pick(_random);
        var name = $"{team}-{Role(type)}-{(env.Length > 4 ? env[..4] : env)}-{sequence:D7}";
        var native = NativeId(profile.Name, type, account, region, name, sequence);
        if (type.Name is "aws_subnet" or "aws_security_group" or "aws_vpc" or "aws_ebs_volume")
        {
            Known(account, type.Name).Add(native);
        }

        var firstSeen = Now.AddMinutes(-_random.Next(2 * 365 * 24 * 60));
        var updated = firstSeen.AddMinutes(_random.Next((int)Math.Max(1, (Now - firstSeen).TotalMinutes)));
        var lastSeen = Now.AddMinutes(-_random.Next(6 * 60));
        var removed = _random.Next(100) < 2 ? lastSeen : (DateTimeOffset?)null;
        var status = type.Role switch
        {
            "vm" => _random.Next(100) switch { < 85 => "running", < 97 => "stopped", _ => "pending" },
            "disk" => _random.Next(100) < 90 ? "in-use" : "available",
            _ => "active",
        };
        return new GeneratedResource(Guid.CreateVersion7(firstSeen), account.Id, profile.Name, type.Service, region, type.Name, native,
            name, status, Tags(name, env, team), Attributes(account, type, machines, region, name), firstSeen, updated, lastSeen, removed);
    }

    private static string Role(ResourceType type) => type.Role switch
    {
        "vm" => "app",
        "disk" => "vol",
        "bucket" => "store",
        "net" => "net",
        "db" => "db",
        _ => type.Name[(type.Name.IndexOf('_', StringComparison.Ordinal) + 1)..].Split('_')[0],
    };

    private static string NativeId(string provider, ResourceType type, BenchAccount account, string region, string name, long sequence)
    {
        // A bijection of the sequence: unique per account and type, random-looking like a cloud's ids.
        var hex = unchecked((ulong)sequence * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture);
        return provider switch
        {
            "azure" => $"/subscriptions/{account.Id}/resourceGroups/rg-{name[..name.IndexOf('-', StringComparison.Ordinal)]}/providers/Microsoft.Bench/{type.Name}/{name}",
            "gcp" => $"projects/{account.Name}/regions/{region}/{type.Name}/{name}",
            _ => type.Name switch
            {
                "aws_instance" => "i-" + hex,
                "aws_ebs_volume" => "vol-" + hex,
                "aws_s3_bucket" => name + "-" + hex[..6],
                "aws_security_group" => "sg-" + hex,
                "aws_subnet" => "subnet-" + hex,
                "aws_vpc" => "vpc-" + hex,
                "aws_network_interface" => "eni-" + hex,
                "aws_eip" => "eipalloc-" + hex,
                "aws_route_table" => "rtb-" + hex,
                _ => $"arn:aws:{type.Service}:{region}:{hex[..12]}:{name}",
            },
        };
    }

    private string Tags(string name, string env, string team)
    {
        Begin();
        _json.WriteString("Name", name);
        _json.WriteString("env", env);
        _json.WriteString("team", team);
        if (_random.Next(100) < 80)
        {
            _json.WriteString("managed_by", "terraform");
        }

        if (_random.Next(100) < 60)
        {
            _json.WriteString("owner", ResourceCatalog.Owners[_random.Next(ResourceCatalog.Owners.Length)] + "@example.com");
        }

        if (_random.Next(100) < 50)
        {
            _json.WriteString("cost_center", "cc-" + _random.Next(1000, 1100).ToString(CultureInfo.InvariantCulture));
        }

        if (_random.Next(100) < 10)
        {
            _json.WriteString("compliance", _random.Next(2) == 0 ? "pci" : "sox");
        }

        return End();
    }

    /// <summary>
    /// An attribute that names another resource (subnet_id, vpc_security_group_ids, vpc_id, a volume id) names one
    /// generated earlier in the same account, as in a real account, so relationship derivation finds its edges.
    /// </summary>
    private string Reference(BenchAccount account, string type, string prefix)
    {
        var known = Known(account, type);
        return known.Count > 0
            ? known[_random.Next(known.Count)]
            : prefix + _random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
    }

    private List<string> Known(BenchAccount account, string type)
    {
        if (!_known.TryGetValue((account.Id, type), out var list))
        {
            _known[(account.Id, type)] = list = [];
        }

        return list;
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private string End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
