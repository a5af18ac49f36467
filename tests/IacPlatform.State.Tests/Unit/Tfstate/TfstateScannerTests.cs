using IacPlatform.State.Tfstate;
using Shouldly;
using static IacPlatform.State.Tests.Unit.Tfstate.TfstateSamples;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class TfstateScannerTests
{
    [Theory]
    [MemberData(nameof(TfstateSamples.Fixtures), MemberType = typeof(TfstateSamples))]
    public void Scan_RealFixture_AgreesWithFullParser(string fixture)
    {
        var bytes = Fixture(fixture);

        var summary = TfstateScanner.Scan(bytes);
        var document = TfstateDocument.Parse(bytes);

        summary.Version.ShouldBe(4);
        summary.Serial.ShouldBe(document.Serial);
        summary.Lineage.ShouldBe("f2968801-fa14-41ab-a044-224f3a4adf04");
        summary.Addresses.ShouldBe(document.Addresses);
        summary.ResourceCount.ShouldBe(document.ResourceCount);
        summary.OutputNames.ShouldBe(document.Outputs.Keys, ignoreOrder: true);
        summary.HasFailedChecks.ShouldBe(document.HasFailedChecks);
    }

    [Fact]
    public void Scan_SimpleFixture_ReturnsHeaderAddressesAndFailedLegacyCheck()
    {
        var summary = TfstateScanner.Scan(Fixture("v4-simple.tfstate"));

        summary.Serial.ShouldBe(0);
        summary.TerraformVersion.ShouldBe("0.12.0");
        summary.Addresses.ShouldBe(["null_resource.bar", "null_resource.foo[0]", "null_resource.foo[1]"]);
        summary.ResourceCount.ShouldBe(3);
        summary.OutputNames.ShouldBe(["numbers"]);
        summary.HasFailedChecks.ShouldBeTrue();
    }

    [Theory]
    [InlineData("v4-cbd.tfstate", "module.modA.null_resource.resource")]
    [InlineData("v4-foreach.tfstate", "module.modA.null_resource.resource")]
    [InlineData("v4-legacy-provider.tfstate", "module.modA.null_resource.resource")]
    public void Scan_ModuleFixture_PrefixesModulePath(string fixture, string address)
    {
        TfstateScanner.Scan(Fixture(fixture)).Addresses.ShouldBe([address]);
    }

    [Fact]
    public void Scan_FutureTerraformVersion_IsAccepted()
    {
        var summary = TfstateScanner.Scan(Fixture("v4-future.tfstate"));

        summary.TerraformVersion.ShouldBe("999.0.0");
        summary.ResourceCount.ShouldBe(3);
        summary.HasFailedChecks.ShouldBeFalse();
    }

    [Fact]
    public void Scan_StringAndIntKeysDataSourcesAndModules_FormatsTerraformAddresses()
    {
        var state = StateJson($$"""
            [
              {{Resource("aws_subnet", "a", $"[{Instance("{}", "0")},{Instance("{}", "1")}]", module: "module.net[\"eu\"]")}},
              {"mode":"data","type":"aws_ami","name":"ubuntu","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[{{Instance("{}")}}]},
              {{Resource("aws_instance", "web", $"[{Instance("{}", "\"blue\"")},{Instance("{}", "\"a.b[\\\"c\\\"]\"")}]")}},
              {{Resource("aws_vpc", "main", $"[{Instance("{}")}]", module: "module.region[0].module.vpc")}}
            ]
            """);

        var summary = TfstateScanner.Scan(state);

        summary.Addresses.ShouldBe([
            "module.net[\"eu\"].aws_subnet.a[0]",
            "module.net[\"eu\"].aws_subnet.a[1]",
            "data.aws_ami.ubuntu",
            "aws_instance.web[\"blue\"]",
            "aws_instance.web[\"a.b[\\\"c\\\"]\"]",
            "module.region[0].module.vpc.aws_vpc.main",
        ]);
    }

    [Fact]
    public void Scan_DeposedObject_CountedApartFromInstances()
    {
        var instances = $$"""[{{Instance("""{"id":"new"}""")}},{{Instance("""{"id":"old"}""", extra: ""","deposed":"00000001" """)}}]""";

        var summary = TfstateScanner.Scan(StateJson($"[{Resource("aws_instance", "web", instances)}]"));

        summary.ResourceCount.ShouldBe(1);
        summary.DeposedCount.ShouldBe(1);
        summary.Addresses.ShouldBe(["aws_instance.web"]);
    }

    [Fact]
    public void Scan_UnknownPropertiesAnywhere_AreSkipped()
    {
        var instance = Instance("""{"id":"x","deep":{"a":[1,{"b":null}]}}""",
            extra: ""","identity_schema_version":0,"identity":{"id":"x"},"future":[[{"x":1}]]""");
        var resource = Resource("aws_instance", "web", $"[{instance}]", extra: ""","future_resource_field":{"nested":[true]}""");
        var state = StateJson($"[{resource}]", extra: ""","future_top":{"resources":"not these"},"checks_v2":[1,2]""");

        var summary = TfstateScanner.Scan(state);

        summary.Addresses.ShouldBe(["aws_instance.web"]);
    }

    [Theory]
    [InlineData("""[{"object_kind":"resource","config_addr":"aws_s3_bucket.b","status":"fail","objects":[]}]""", true)]
    [InlineData("""[{"object_kind":"check","config_addr":"check.health","status":"unknown","objects":[{"object_addr":"check.health","status":"error"}]}]""", true)]
    [InlineData("""[{"object_kind":"output","config_addr":"output.url","status":"pass","objects":[{"object_addr":"output.url","status":"pass"}]}]""", false)]
    [InlineData("null", false)]
    public void Scan_CheckResults_ReportsWhetherAnyFailed(string checkResults, bool failed)
    {
        var summary = TfstateScanner.Scan(StateJson(extra: $",\"check_results\":{checkResults}"));

        summary.HasFailedChecks.ShouldBe(failed);
    }

    [Fact]
    public void Scan_ByteOrderMarkAndNullCollections_AreAccepted()
    {
        var json = """{"version":4,"serial":3,"lineage":"l","outputs":null,"resources":null}"""u8;
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. json];

        var summary = TfstateScanner.Scan(bytes);

        summary.Serial.ShouldBe(3);
        summary.TerraformVersion.ShouldBeNull();
        summary.ResourceCount.ShouldBe(0);
        summary.OutputNames.ShouldBeEmpty();
    }
}
