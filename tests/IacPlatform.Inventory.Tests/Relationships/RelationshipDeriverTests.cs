using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Relationships;
using IacPlatform.Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Relationships;

/// <summary>RecomputeAsync against the real schema, with realistic Terraform-named attributes per cloud.</summary>
public sealed class RelationshipDeriverTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private readonly InventoryRows _rows = new(fixture.App.ConnectionString);
    private readonly RelationshipDeriver _deriver = new(TimeProvider.System);

    [Fact]
    public async Task Recompute_AwsAccount_DerivesEveryRuleAndIgnoresDanglingAndOddValues()
    {
        var account = await _rows.AccountAsync("aws");
        await AwsSample.SeedAsync(_rows, account);

        var count = await RecomputeAsync(account);

        var edges = await _rows.EdgesAsync(account);
        edges.ShouldBe(AwsSample.Expected, ignoreOrder: true);
        count.ShouldBe(AwsSample.Expected.Count);
    }

    [Fact]
    public async Task Recompute_AzureAccount_MatchesIdsCaseInsensitivelyAndNamesWithinTheResourceGroup()
    {
        var account = await _rows.AccountAsync("azure");
        await AzureSample.SeedAsync(_rows, account);

        var count = await RecomputeAsync(account);

        var edges = await _rows.EdgesAsync(account);
        edges.ShouldBe(AzureSample.Expected, ignoreOrder: true);
        count.ShouldBe(AzureSample.Expected.Count);
    }

    [Fact]
    public async Task Recompute_GcpAccount_MatchesSelfLinksRelativeIdsAndBareNames()
    {
        var account = await _rows.AccountAsync("gcp");
        await GcpSample.SeedAsync(_rows, account);

        var count = await RecomputeAsync(account);

        var edges = await _rows.EdgesAsync(account);
        edges.ShouldBe(GcpSample.Expected, ignoreOrder: true);
        count.ShouldBe(GcpSample.Expected.Count);
    }

    [Fact]
    public async Task Recompute_AmbiguousBareName_PrefersTheSourceRegion()
    {
        var account = await _rows.AccountAsync("aws");
        await _rows.ResourceAsync(account, "aws_eks_cluster", "prod", "prod-east", region: "us-east-1");
        await _rows.ResourceAsync(account, "aws_eks_cluster", "prod-w", "prod", region: "us-west-2");
        await _rows.ResourceAsync(account, "aws_eks_cluster", "prod-e", "prod", region: "us-east-1");
        await _rows.ResourceAsync(account, "aws_eks_node_group", "prod:workers", "workers", """{"cluster_name": "prod"}""", region: "us-west-2");
        await _rows.ResourceAsync(account, "aws_eks_node_group", "prod:ghost", "ghost", """{"cluster_name": "prod"}""", region: "eu-west-1");

        await RecomputeAsync(account);

        // The node group in us-west-2 finds its namesake there; the one in eu-west-1 has two candidates elsewhere: none.
        (await _rows.EdgesAsync(account, byNativeId: true)).ShouldBe([("prod:workers", "prod-w", "part_of", "cluster_name")]);
    }

    [Fact]
    public async Task Recompute_Twice_IsIdempotentAndReflectsRemovals()
    {
        var account = await _rows.AccountAsync("aws");
        var vpc = await _rows.ResourceAsync(account, "aws_vpc", "vpc-1", "vpc");
        var subnet = await _rows.ResourceAsync(account, "aws_subnet", "subnet-1", "subnet", """{"vpc_id": "vpc-1"}""");
        await _rows.ResourceAsync(account, "aws_instance", "i-1", "web", """{"subnet_id": "subnet-1"}""");

        (await RecomputeAsync(account)).ShouldBe(2);
        (await RecomputeAsync(account)).ShouldBe(2);
        (await _rows.EdgesAsync(account)).Count.ShouldBe(2);

        await _rows.ExecuteAsync("UPDATE resources SET removed_at = now() WHERE id = @id", ("id", subnet));
        (await RecomputeAsync(account)).ShouldBe(0);
        (await _rows.EdgesAsync(account)).ShouldBeEmpty();
        vpc.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Recompute_AfterAChange_WritesOnlyTheDifference()
    {
        var account = await _rows.AccountAsync("aws");
        await _rows.ResourceAsync(account, "aws_vpc", "vpc-1", "vpc");
        await _rows.ResourceAsync(account, "aws_subnet", "subnet-a", "subnet-a", """{"vpc_id": "vpc-1"}""");
        await _rows.ResourceAsync(account, "aws_subnet", "subnet-b", "subnet-b", """{"vpc_id": "vpc-1"}""");
        var web = await _rows.ResourceAsync(account, "aws_instance", "i-1", "web", """
            {"subnet_id": "subnet-a", "ebs_block_device": [{"volume_id": "vol-1"}]}
            """);
        await _rows.ResourceAsync(account, "aws_ebs_volume", "vol-1", "data", """{"attachments": [{"instance_id": "i-1"}]}""");
        var first = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (await RecomputeAsync(account, new FixedTime(first))).ShouldBe(4);

        // The instance moves to subnet-b and no longer lists the volume, which still names the instance.
        await _rows.ExecuteAsync("UPDATE resources SET attributes = @a::jsonb WHERE id = @id",
            ("a", """{"subnet_id": "subnet-b", "ebs_block_device": []}"""), ("id", web));
        var second = first.AddHours(1);
        (await RecomputeAsync(account, new FixedTime(second))).ShouldBe(4);

        (await _rows.EdgesAsync(account)).ShouldBe(
        [
            ("data", "web", "attached_to", "attachments.instance_id"),
            ("subnet-a", "vpc", "member_of", "vpc_id"),
            ("subnet-b", "vpc", "member_of", "vpc_id"),
            ("web", "subnet-b", "member_of", "subnet_id"),
        ]);
        var derivedAt = await DerivedAtAsync(account);
        derivedAt["subnet-a"].ShouldBe(first);
        derivedAt["web"].ShouldBe(second);
        derivedAt["data"].ShouldBe(second);
    }

    [Fact]
    public async Task Recompute_OneAccount_LeavesOtherAccountsAlone()
    {
        var mine = await _rows.AccountAsync("aws");
        var theirs = await _rows.AccountAsync("aws");
        foreach (var account in new[] { mine, theirs })
        {
            await _rows.ResourceAsync(account, "aws_vpc", "vpc-shared-id", "vpc");
            await _rows.ResourceAsync(account, "aws_subnet", "subnet-shared-id", "subnet", """{"vpc_id": "vpc-shared-id"}""");
        }

        await RecomputeAsync(theirs);
        await RecomputeAsync(mine);
        await _rows.ExecuteAsync("UPDATE resources SET removed_at = now() WHERE account_id = @a AND type = 'aws_subnet'", ("a", mine));
        await RecomputeAsync(mine);

        (await _rows.EdgesAsync(mine)).ShouldBeEmpty();
        (await _rows.EdgesAsync(theirs)).ShouldBe([("subnet", "vpc", "member_of", "vpc_id")]);
    }

    [Fact]
    public async Task Recompute_ThroughInventoryDbInsideCallersTransaction_RollsBackWithIt()
    {
        var account = await _rows.AccountAsync("aws");
        await _rows.ResourceAsync(account, "aws_vpc", "vpc-1", "vpc");
        await _rows.ResourceAsync(account, "aws_subnet", "subnet-1", "subnet", """{"vpc_id": "vpc-1"}""");
        await using var db = CreateDb();
        var ct = TestContext.Current.CancellationToken;

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (await _deriver.RecomputeAsync(db, account, ct)).ShouldBe(1);
            await transaction.RollbackAsync(ct);
        }

        (await _rows.EdgesAsync(account)).ShouldBeEmpty();
        (await _deriver.RecomputeAsync(db, account, ct)).ShouldBe(1);
        (await _rows.EdgesAsync(account)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Recompute_AtScale_DerivesEveryEdgeOfTenThousandResources()
    {
        var account = await _rows.AccountAsync("aws");
        await _rows.ExecuteAsync(
            """
            INSERT INTO resources (id, account_id, provider, service, region, type, category, native_id, name, status, tags,
                                   attributes, content_hash, version, first_seen_at, last_seen_at, updated_at)
            SELECT gen_random_uuid(), @account, 'aws', 'ec2', 'us-east-1', g.type, g.category, g.native_id, g.native_id, 'running',
                   '{}', g.attributes::jsonb, 'h', 1, now(), now(), now()
            FROM (SELECT 'aws_vpc' AS type, 'network' AS category, 'vpc-' || i AS native_id, '{}' AS attributes
                  FROM generate_series(1, 10) i
                  UNION ALL
                  SELECT 'aws_subnet', 'network', 'subnet-' || i, json_build_object('vpc_id', 'vpc-' || (i % 10 + 1))::text
                  FROM generate_series(1, 100) i
                  UNION ALL
                  SELECT 'aws_security_group', 'network', 'sg-' || i, json_build_object('vpc_id', 'vpc-' || (i % 10 + 1))::text
                  FROM generate_series(1, 100) i
                  UNION ALL
                  SELECT 'aws_instance', 'vm', 'i-' || i, json_build_object(
                      'subnet_id', 'subnet-' || (i % 100 + 1),
                      'vpc_security_group_ids', json_build_array('sg-' || (i % 100 + 1), 'sg-' || ((i + 1) % 100 + 1)))::text
                  FROM generate_series(1, 9790) i) g
            """,
            ("account", account));

        var count = await RecomputeAsync(account);

        // 100 subnets + 100 groups → VPC, 9,790 instances → one subnet and two groups each.
        count.ShouldBe(100 + 100 + (9790 * 3));
    }

    private async Task<int> RecomputeAsync(Guid account, TimeProvider? time = null)
    {
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var deriver = time is null ? _deriver : new RelationshipDeriver(time);
        return await deriver.RecomputeAsync(connection, null, account, TestContext.Current.CancellationToken);
    }

    /// <summary>derived_at per source name.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> DerivedAtAsync(Guid account)
    {
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT s.name, e.derived_at FROM resource_relationships e JOIN resources s ON s.id = e.source_id WHERE e.account_id = @a",
            connection);
        command.Parameters.AddWithValue("a", account);
        var result = new Dictionary<string, DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            result[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return result;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private InventoryDb CreateDb() =>
        new(new DbContextOptionsBuilder<InventoryDb>().UseNpgsql(fixture.App.ConnectionString).Options);
}
