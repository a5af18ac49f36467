using System.Text.Json;
using IacPlatform.State.Tfstate;
using Shouldly;
using static IacPlatform.State.Tests.Unit.Tfstate.TfstateSamples;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class TfstateDocumentTests
{
    [Fact]
    public void Parse_SimpleFixture_ReadsLegacyFlatAttributesEachAndOldChecks()
    {
        var document = TfstateDocument.Parse(Fixture("v4-simple.tfstate"));

        var bar = document.FindInstance("null_resource.bar").ShouldNotBeNull();
        bar.Attributes.ShouldBeNull();
        bar.AttributesFlat.ShouldNotBeNull()["triggers.whaaat"].ShouldBe("0,1");
        bar.CloudId.ShouldBe("5388490630832483079");
        bar.DependsOn.ShouldBe(["null_resource.foo"]);
        bar.FlattenAttributes().Keys.ShouldBe(["id", "triggers.%", "triggers.whaaat"]);
        var foo = document.Resources.Single(r => r.Name == "foo");
        foo.Each.ShouldBe("list");
        foo.Instances.Select(i => i.Key).ShouldBe([InstanceKey.Of(0), InstanceKey.Of(1)]);
        foo.Provider.Source.ShouldBe("registry.terraform.io/-/null");
        foo.Provider.ShortName.ShouldBe("null");
        document.Outputs["numbers"].Value.GetString().ShouldBe("0,1");
        document.Outputs["numbers"].Type.GetString().ShouldBe("string");
        document.CheckResults.ShouldBeNull();
        document.Checks.ShouldNotBeNull().Count.ShouldBe(4);
        document.Checks!.Single(c => c.Failed).ObjectAddress.ShouldBe("output.baz");
        document.HasFailedChecks.ShouldBeTrue();
    }

    [Fact]
    public void Parse_LegacyProviderFixture_ExposesShortName()
    {
        var resource = TfstateDocument.Parse(Fixture("v4-legacy-provider.tfstate")).Resources.ShouldHaveSingleItem();

        resource.Provider.Raw.ShouldBe("provider.null");
        resource.Provider.IsLegacy.ShouldBeTrue();
        resource.Provider.ShortName.ShouldBe("null");
        resource.Module.ToString().ShouldBe("module.modA");
        resource.Instances.ShouldHaveSingleItem().DependsOn.ShouldBe(["var.input"]);
    }

    [Fact]
    public void Parse_CbdFixture_ReadsCreateBeforeDestroyPrivateAndNestedAttributes()
    {
        var instance = TfstateDocument.Parse(Fixture("v4-cbd.tfstate")).Instances.ShouldHaveSingleItem();

        instance.CreateBeforeDestroy.ShouldBeTrue();
        instance.Private.ShouldBe("bnVsbA==");
        instance.CloudId.ShouldBe("4639265839606265182");
        instance.FlattenAttributes()["triggers.input"].GetString().ShouldBe("test");
        instance.Address.ToString().ShouldBe("module.modA.null_resource.resource");
    }

    [Theory]
    [InlineData("provider[\"registry.terraform.io/hashicorp/aws\"]", "registry.terraform.io/hashicorp/aws", "aws", null, "")]
    [InlineData("provider[\"registry.terraform.io/hashicorp/aws\"].west", "registry.terraform.io/hashicorp/aws", "aws", "west", "")]
    [InlineData("module.net[\"eu\"].provider[\"example.com/acme/cloud\"]", "example.com/acme/cloud", "cloud", null, "module.net[\"eu\"]")]
    [InlineData("provider.aws.west", null, "aws", "west", "")]
    [InlineData("module.a.provider.google", null, "google", null, "module.a")]
    [InlineData("something else", null, "something else", null, "")]
    public void ProviderReference_EveryForm_ExposesSourceShortNameAliasAndModule(
        string raw, string? source, string shortName, string? alias, string module)
    {
        var provider = ProviderReference.Parse(raw);

        provider.Source.ShouldBe(source);
        provider.ShortName.ShouldBe(shortName);
        provider.Alias.ShouldBe(alias);
        provider.Module.ToString().ShouldBe(module);
    }

    [Fact]
    public void Parse_FullInstance_ReadsEveryField()
    {
        var current = Instance("""{"id":"i-1","password":"p","tags":{"Name":"web"}}""", "\"blue\"", """
            ,"sensitive_attributes":[[{"type":"get_attr","value":"password"}]],"private":"eyJ9","dependencies":["aws_vpc.main"],"status":"tainted","create_before_destroy":true
            """);
        var deposed = Instance("""{"id":"i-0"}""", "\"blue\"", ""","deposed":"0badf00d" """);
        var outputs = """{"url":{"value":"https://x","type":"string"},"secret":{"value":{"a":1},"type":["object",{"a":"number"}],"sensitive":true}}""";
        var checks = ""","check_results":[{"object_kind":"resource","config_addr":"aws_instance.web","status":"fail","objects":[{"object_addr":"aws_instance.web[\"blue\"]","status":"fail","failure_messages":["too small"]}]}]""";
        var bytes = StateJson($"[{Resource("aws_instance", "web", $"[{current},{deposed}]", extra: ",\"each\":\"map\"")}]", outputs, serial: 12, extra: checks);

        var document = TfstateDocument.Parse(bytes);

        document.Serial.ShouldBe(12);
        document.Lineage.ShouldBe(Lineage);
        document.TerraformVersion.ShouldBe("1.9.8");
        document.ResourceCount.ShouldBe(1);
        document.Instances.Count().ShouldBe(2);
        var instance = document.FindInstance("aws_instance.web[\"blue\"]").ShouldNotBeNull();
        instance.IsTainted.ShouldBeTrue();
        instance.IsDeposed.ShouldBeFalse();
        instance.CreateBeforeDestroy.ShouldBeTrue();
        instance.SensitivePaths.ShouldBe(["password"]);
        instance.Dependencies.ShouldBe(["aws_vpc.main"]);
        instance.Private.ShouldBe("eyJ9");
        instance.Key.ShouldBe(InstanceKey.Of("blue"));
        document.Instances.Single(i => i.IsDeposed).Deposed.ShouldBe("0badf00d");
        document.Outputs["secret"].Sensitive.ShouldBeTrue();
        document.Outputs["secret"].Value.GetProperty("a").GetInt32().ShouldBe(1);
        document.Outputs["url"].Sensitive.ShouldBeFalse();
        var check = document.CheckResults.ShouldNotBeNull().ShouldHaveSingleItem();
        check.Objects.ShouldHaveSingleItem().FailureMessages.ShouldBe(["too small"]);
        document.HasFailedChecks.ShouldBeTrue();
    }

    [Fact]
    public void FlattenAttributes_NestedValues_UsesTerraformStylePaths()
    {
        var attributes = """
            {"id":"sg-1","tags":{"Environment":"prod","kubernetes.io/role":"elb"},"ingress":[{"cidr_blocks":["10.0.0.0/16","10.1.0.0/16"],"from_port":443}],
             "egress":[],"timeouts":null,"meta":{}}
            """;
        var document = TfstateDocument.Parse(StateJson($"[{Resource("aws_security_group", "sg", $"[{Instance(attributes)}]")}]"));

        var flat = document.Instances.Single().FlattenAttributes();

        flat.Keys.ShouldBe([
            "egress", "id", "ingress[0].cidr_blocks[0]", "ingress[0].cidr_blocks[1]", "ingress[0].from_port", "meta",
            "tags.Environment", "tags[\"kubernetes.io/role\"]", "timeouts",
        ]);
        flat["ingress[0].cidr_blocks[1]"].GetString().ShouldBe("10.1.0.0/16");
        flat["timeouts"].ValueKind.ShouldBe(JsonValueKind.Null);
        flat["egress"].ValueKind.ShouldBe(JsonValueKind.Array);
    }

    public static TheoryData<string, string[]> SensitiveShapes { get; } = new()
    {
        { """[[{"type":"get_attr","value":"password"}]]""", ["password"] },
        { """[[{"type":"get_attr","value":"rule"},{"type":"index","value":{"value":2,"type":"number"}},{"type":"get_attr","value":"key"}]]""", ["rule[2].key"] },
        { """[[{"type":"get_attr","value":"tags"},{"type":"index","value":{"value":"Secret","type":"string"}}]]""", ["tags.Secret"] },
        { """[[{"type":"get_attr","value":"rule"},{"type":"index","value":0}]]""", ["rule[0]"] },
        { """[[{"type":"get_attr","value":"ports"},{"type":"index","value":{"value":{"a":1},"type":["object",{"a":"number"}]}}]]""", ["ports"] },
        { """{"password":true,"tags":{"Secret":true,"Name":false},"rule":[false,{"key":true}]}""", ["password", "tags.Secret", "rule[1].key"] },
        { """["password","tags.Secret"]""", ["password", "tags.Secret"] },
        { "[]", [] },
    };

    [Theory]
    [MemberData(nameof(SensitiveShapes))]
    public void Parse_SensitiveAttributesInEveryShape_ReadsPaths(string sensitive, string[] paths)
    {
        var instance = Instance("""{"id":"x"}""", extra: $",\"sensitive_attributes\":{sensitive}");

        var document = TfstateDocument.Parse(StateJson($"[{Resource("aws_db_instance", "db", $"[{instance}]")}]"));

        document.Instances.Single().SensitivePaths.ShouldBe(paths);
    }

    [Fact]
    public void Parse_InstanceWithoutAttributes_ReadsAsEmptyObject()
    {
        var document = TfstateDocument.Parse(StateJson($"[{Resource("aws_vpc", "v", """[{"schema_version":0}]""")}]"));

        var instance = document.Instances.Single();
        instance.CloudId.ShouldBeNull();
        instance.FlattenAttributes().ShouldBeEmpty();
    }
}
