using System.Text.Json;
using IacPlatform.State.Tfstate;
using Shouldly;
using static IacPlatform.State.Tests.Unit.Tfstate.TfstateSamples;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class StateDiffTests
{
    private const string Masked = "(sensitive value)";

    [Fact]
    public void Compare_NoPreviousState_ReportsEverythingAdded()
    {
        var to = TfstateDocument.Parse(Fixture("v4-simple.tfstate"));

        var diff = StateDiff.Compare(null, to);

        diff.Instances.Select(i => (i.Address, i.Kind)).ShouldBe([
            ("null_resource.bar", ChangeKind.Added), ("null_resource.foo[0]", ChangeKind.Added), ("null_resource.foo[1]", ChangeKind.Added),
        ]);
        diff.Outputs.ShouldHaveSingleItem().Kind.ShouldBe(ChangeKind.Added);
        diff.Summary.ShouldBe(new StateDiffSummary(3, 0, 0, 0, 1, 0, 0));
    }

    [Fact]
    public void Compare_InstancesAddedRemovedAndChanged_AreOrderedByAddress()
    {
        var from = Parse(
            Resource("aws_instance", "b", $"[{Instance("""{"id":"i-b","instance_type":"t3.micro"}""")}]"),
            Resource("aws_instance", "a", $"[{Instance("""{"id":"i-a0"}""", "0")},{Instance("""{"id":"i-a1"}""", "1")}]"),
            Resource("aws_s3_bucket", "same", $"[{Instance("""{"id":"bkt"}""")}]"));
        var to = Parse(
            Resource("aws_instance", "a", $"[{Instance("""{"id":"i-a0"}""", "0")},{Instance("""{"id":"i-a2"}""", "2")}]"),
            Resource("aws_instance", "b", $"[{Instance("""{"id":"i-b","instance_type":"m5.large"}""")}]"),
            Resource("aws_s3_bucket", "same", $"[{Instance("""{"id":"bkt"}""")}]"));

        var diff = StateDiff.Compare(from, to);

        diff.Instances.Select(i => (i.Address, i.Kind)).ShouldBe([
            ("aws_instance.a[1]", ChangeKind.Removed), ("aws_instance.a[2]", ChangeKind.Added), ("aws_instance.b", ChangeKind.Changed),
        ]);
        var change = diff.Changed.Single().Attributes.ShouldHaveSingleItem();
        change.Path.ShouldBe("instance_type");
        change.Before!.Value.GetString().ShouldBe("t3.micro");
        change.After!.Value.GetString().ShouldBe("m5.large");
        diff.Summary.ShouldBe(new StateDiffSummary(1, 1, 1, 2, 0, 0, 0));
    }

    [Fact]
    public void Compare_NestedAttributes_ReportsFlattenedPaths()
    {
        var from = Parse(Resource("aws_security_group", "sg", $$"""[{{Instance("""
            {"id":"sg-1","tags":{"Environment":"dev","Team":"a"},"ingress":[{"cidr_blocks":["10.0.0.0/16","10.1.0.0/16"],"from_port":443}]}
            """)}}]"""));
        var to = Parse(Resource("aws_security_group", "sg", $$"""[{{Instance("""
            {"id":"sg-1","tags":{"Environment":"prod","Owner":"b"},"ingress":[{"cidr_blocks":["10.0.0.0/16","10.9.0.0/16"],"from_port":443}]}
            """)}}]"""));

        var changes = StateDiff.Compare(from, to).Changed.Single().Attributes;

        changes.Select(c => c.Path).ShouldBe(["ingress[0].cidr_blocks[1]", "tags.Environment", "tags.Owner", "tags.Team"]);
        changes[2].Before.ShouldBeNull();
        changes[3].After.ShouldBeNull();
        changes.ShouldAllBe(c => !c.Sensitive);
    }

    [Fact]
    public void Compare_SensitiveAttributes_AreMaskedInBothShapesAndOnEitherSide()
    {
        const string oldSensitive = ""","sensitive_attributes":[[{"type":"get_attr","value":"password"}],[{"type":"get_attr","value":"rule"},{"type":"index","value":{"value":0,"type":"number"}}]]""";
        var from = Parse(Resource("aws_db_instance", "db", $$"""[{{Instance("""
            {"id":"db","password":"old-secret","token":"t1","rule":[{"key":"k1","name":"r"}],"size":10}
            """, extra: oldSensitive)}}]"""));
        var to = Parse(Resource("aws_db_instance", "db", $$"""[{{Instance("""
            {"id":"db","password":"new-secret","token":"t2","rule":[{"key":"k2","name":"r2"}],"size":20}
            """, extra: ""","sensitive_attributes":{"token":true}""")}}]"""));

        var changes = StateDiff.Compare(from, to).Changed.Single().Attributes.ToDictionary(c => c.Path);

        changes.Keys.ShouldBe(["password", "rule[0].key", "rule[0].name", "size", "token"], ignoreOrder: true);
        foreach (var path in (string[])["password", "rule[0].key", "rule[0].name", "token"])
        {
            changes[path].Sensitive.ShouldBeTrue();
            changes[path].Before!.Value.GetString().ShouldBe(Masked);
            changes[path].After!.Value.GetString().ShouldBe(Masked);
        }

        changes["size"].After!.Value.GetInt32().ShouldBe(20);
        JsonSerializer.Serialize(changes.Values).ShouldNotContain("secret");
    }

    [Fact]
    public void Compare_Outputs_AddedRemovedChangedAndSensitiveMasked()
    {
        var from = TfstateDocument.Parse(StateJson(outputs: """
            {"gone":{"value":1,"type":"number"},"url":{"value":"http://a","type":"string"},"pw":{"value":"hunter2","type":"string","sensitive":true},"same":{"value":[1],"type":["list","number"]}}
            """));
        var to = TfstateDocument.Parse(StateJson(outputs: """
            {"new":{"value":"n","type":"string"},"url":{"value":"http://b","type":"string"},"pw":{"value":"hunter3","type":"string","sensitive":true},"same":{"value":[1],"type":["list","number"]}}
            """));

        var diff = StateDiff.Compare(from, to);

        diff.Outputs.Select(o => (o.Name, o.Kind, o.Sensitive)).ShouldBe([
            ("gone", ChangeKind.Removed, false), ("new", ChangeKind.Added, false), ("pw", ChangeKind.Changed, true), ("url", ChangeKind.Changed, false),
        ]);
        var pw = diff.Outputs.Single(o => o.Name == "pw");
        pw.Before!.Value.GetString().ShouldBe(Masked);
        pw.After!.Value.GetString().ShouldBe(Masked);
        diff.Outputs.Single(o => o.Name == "url").After!.Value.GetString().ShouldBe("http://b");
        diff.Summary.ShouldBe(new StateDiffSummary(0, 0, 0, 0, 1, 1, 2));
    }

    [Fact]
    public void Compare_DeposedObjects_AreKeyedApartFromTheCurrentObject()
    {
        var current = Instance("""{"id":"i-new"}""");
        var deposed = Instance("""{"id":"i-old"}""", extra: ""","deposed":"00000001" """);
        var from = Parse(Resource("aws_instance", "web", $"[{current}]"));
        var to = Parse(Resource("aws_instance", "web", $"[{current},{deposed}]"));

        var diff = StateDiff.Compare(from, to);

        var added = diff.Instances.ShouldHaveSingleItem();
        (added.Address, added.Deposed, added.Kind).ShouldBe(("aws_instance.web", "00000001", ChangeKind.Added));
        diff.Summary.Unchanged.ShouldBe(1);
    }

    [Fact]
    public void Compare_LegacyFlatAttributes_ReportsFlatKeys()
    {
        var json = System.Text.Encoding.UTF8.GetString(Fixture("v4-simple.tfstate"));
        var to = TfstateDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json.Replace("\"0,1\"\n", "\"2,3\"\n", StringComparison.Ordinal)));

        var diff = StateDiff.Compare(TfstateDocument.Parse(Fixture("v4-simple.tfstate")), to);

        var change = diff.Changed.ShouldHaveSingleItem();
        change.Address.ShouldBe("null_resource.bar");
        change.Attributes.ShouldHaveSingleItem().Path.ShouldBe("triggers.whaaat");
    }

    [Fact]
    public void Compare_SameState_HasNoChanges()
    {
        var state = TfstateDocument.Parse(LargeStateGenerator.Generate(200));

        var diff = StateDiff.Compare(state, TfstateDocument.Parse(LargeStateGenerator.Generate(200)));

        diff.Summary.HasChanges.ShouldBeFalse();
        diff.Summary.Unchanged.ShouldBe(200);
    }

    private static TfstateDocument Parse(params string[] resources) =>
        TfstateDocument.Parse(StateJson($"[{string.Join(',', resources)}]"));
}
