using System.Globalization;

namespace IacPlatform.Bench.Drift;

/// <summary>
/// The generated fleet: <c>count</c> managed instances in blocks of <see cref="BlockSize"/> of one type (so a block
/// is one <c>resources[]</c> entry with count or for_each keys), plus 1 % unmanaged extras. Per 100 consecutive
/// instances: 5 drifted (two attribute kinds, three tag kinds) and 1 missing.
/// </summary>
internal sealed class Fleet
{
    public const int BlockSize = 10;

    private static readonly string[] Environments = ["production", "production", "production", "production", "staging", "staging", "dev", "dev", "dev", "test"];
    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"];
    private static readonly string[] Teams = ["payments", "search", "platform", "data", "identity", "growth", "ml", "infra"];

    private Fleet(List<GeneratedResource> managed, List<GeneratedResource> unmanaged, Guid[] accounts)
    {
        Managed = managed;
        Unmanaged = unmanaged;
        Accounts = accounts;
    }

    public List<GeneratedResource> Managed { get; }

    public List<GeneratedResource> Unmanaged { get; }

    public Guid[] Accounts { get; }

    public int ExpectedDrifted => Managed.Count(r => r.Drift is not (DriftKind.None or DriftKind.Missing));

    public int ExpectedMissing => Managed.Count(r => r.Drift == DriftKind.Missing);

    public static Fleet Generate(int count)
    {
        var accounts = Enumerable.Range(1, 8).Select(i => Guid.Parse($"00000000-0000-4000-8000-{i:D12}")).ToArray();
        var managed = new List<GeneratedResource>(count);
        for (var block = 0; managed.Count < count; block++)
        {
            var type = TypeOfBlock(block);
            for (var k = 0; k < BlockSize && managed.Count < count; k++)
            {
                var index = managed.Count;
                managed.Add(Create(index, type, accounts, DriftOf(index)));
            }
        }

        var unmanaged = new List<GeneratedResource>(count / 100);
        for (var k = 0; k < count / 100; k++)
        {
            var index = count + k;
            unmanaged.Add(Create(index, TypeOfBlock(index), accounts, DriftKind.None));
        }

        return new Fleet(managed, unmanaged, accounts);
    }

    private static DriftKind DriftOf(int index) => (index % 100) switch
    {
        0 => DriftKind.AttributeA,
        1 => DriftKind.AttributeB,
        2 => DriftKind.TagChanged,
        3 => DriftKind.TagAdded,
        4 => DriftKind.TagRemoved,
        5 => DriftKind.Missing,
        _ => DriftKind.None,
    };

    private static BenchType TypeOfBlock(int block)
    {
        var roll = (int)(GeneratedResource.Mix((ulong)block + 7_919) % 1000);
        foreach (var (type, perMille) in BenchTypes.Mix)
        {
            if (roll < perMille)
            {
                return type;
            }

            roll -= perMille;
        }

        return BenchType.AwsInstance;
    }

    private static GeneratedResource Create(int index, BenchType type, Guid[] accounts, DriftKind drift)
    {
        var hex = (0x1000_0000_0000_0000UL + (ulong)index).ToString("x17", CultureInfo.InvariantCulture);
        var service = $"svc{index / 1000 % 40:D2}";
        var nativeId = type switch
        {
            BenchType.AwsInstance => "i-" + hex,
            BenchType.AwsSecurityGroup => "sg-" + hex,
            BenchType.AwsSubnet => "subnet-" + hex,
            BenchType.AwsEbsVolume => "vol-" + hex,
            BenchType.AwsS3Bucket => $"bench-bucket-{index}",
            BenchType.AwsVpc => "vpc-" + hex,
            BenchType.AwsEksCluster => $"cluster-{index}",
            BenchType.AzureLinuxVm => $"/subscriptions/5a1b0000-0000-0000-0000-00000000000{index % 4}/resourceGroups/rg-{service}/providers/Microsoft.Compute/virtualMachines/vm-{index}",
            _ => $"projects/bench-{index % 5}/zones/europe-west1-b/instances/vm-{index}",
        };
        var environment = Environments[(int)(GeneratedResource.Mix((ulong)index / 20) % (ulong)Environments.Length)];
        return new GeneratedResource(index, type, nativeId, $"{service}-{BenchTypes.Name(type)[(BenchTypes.Name(type).IndexOf('_', StringComparison.Ordinal) + 1)..]}-{index}",
            environment, Teams[index / 50 % Teams.Length], service, accounts[index % accounts.Length], Regions[index / 7 % Regions.Length], drift);
    }
}
