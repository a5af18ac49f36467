using IacPlatform.State.Tfstate;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class LargeStateTests
{
    [Fact]
    public void Scan_TenThousandResourceState_CountsEveryInstanceAndAgreesWithParser()
    {
        var bytes = LargeStateGenerator.Generate(10_000, serial: 5);

        var summary = TfstateScanner.Scan(bytes);
        var document = TfstateDocument.Parse(bytes);

        bytes.Length.ShouldBeInRange(8_000_000, 14_000_000);
        summary.ResourceCount.ShouldBe(10_000);
        summary.Addresses.Distinct().Count().ShouldBe(10_000);
        summary.Serial.ShouldBe(5);
        summary.Lineage.ShouldBe(LargeStateGenerator.DefaultLineage);
        summary.OutputNames.ShouldBe(["vpc_id", "instance_ips", "db_password"]);
        document.ResourceCount.ShouldBe(10_000);
        document.Addresses.SequenceEqual(summary.Addresses).ShouldBeTrue();
        document.Outputs["db_password"].Sensitive.ShouldBeTrue();
    }

    [Fact]
    public void Generate_MixedShapes_HasModulesKeysDataSourceAndSensitivePaths()
    {
        var document = TfstateDocument.Parse(LargeStateGenerator.Generate(60));

        document.Addresses[0].ShouldBe("data.aws_ami.ubuntu");
        document.Addresses.ShouldContain(a => a.StartsWith("module.app[", StringComparison.Ordinal));
        document.Addresses.ShouldContain(a => a.StartsWith("module.region[\"eu-west-1\"].module.vpc.", StringComparison.Ordinal));
        document.Addresses.ShouldContain(a => a.EndsWith("[\"green\"]", StringComparison.Ordinal));
        document.Addresses.ShouldContain(a => a.EndsWith("[2]", StringComparison.Ordinal));
        document.Resources.Select(r => r.Type).Distinct().ShouldBe(["aws_ami", "aws_instance", "aws_security_group", "aws_s3_bucket"], ignoreOrder: true);
        var web = document.Instances.First(i => i.Address.Type == "aws_instance");
        web.SensitivePaths.ShouldBe(["user_data", "root_block_device[0].kms_key_id"]);
        web.FlattenAttributes().Keys.ShouldContain("tags.Environment");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(101)]
    public void Generate_AnyCount_WritesExactlyThatManyInstances(int count)
    {
        TfstateScanner.Scan(LargeStateGenerator.Generate(count)).ResourceCount.ShouldBe(count);
    }

    [Fact]
    public void EditAndDiff_GeneratedState_ReportsTheRemovalAndMasksSensitiveChanges()
    {
        var bytes = LargeStateGenerator.Generate(1_000);
        var before = TfstateDocument.Parse(bytes);
        var web = before.Instances.First(i => i.Address.Type == "aws_instance" && i.Address.Key.IsNone);
        var removed = StateEditor.RemoveAddress(bytes, web.Address.ToString());
        var text = System.Text.Encoding.UTF8.GetString(removed.State!);
        var rotated = System.Text.Encoding.UTF8.GetBytes(text.Replace("\"kms_key_id\": \"arn:aws:kms:", "\"kms_key_id\": \"arn:aws:kms2:", StringComparison.Ordinal));

        var diff = StateDiff.Compare(before, TfstateDocument.Parse(rotated));

        diff.Removed.ShouldHaveSingleItem().Address.ShouldBe(web.Address.ToString());
        var changes = diff.Changed.Select(c => (Change: c.Attributes.ShouldHaveSingleItem(), Before: before.FindInstance(c.Address)!)).ToList();
        changes.ShouldAllBe(c => c.Change.Path == "root_block_device[0].kms_key_id");
        changes.ShouldAllBe(c => c.Change.Sensitive == c.Before.SensitivePaths.Contains("root_block_device[0].kms_key_id"));
        changes.ShouldContain(c => c.Change.Sensitive && c.Change.After!.Value.GetString() == "(sensitive value)");
        changes.ShouldContain(c => !c.Change.Sensitive && c.Change.After!.Value.GetString()!.StartsWith("arn:aws:kms2:", StringComparison.Ordinal));
        diff.Summary.Removed.ShouldBe(1);
        TfstateScanner.Scan(removed.State).ResourceCount.ShouldBe(999);
    }
}
