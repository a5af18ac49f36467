using System.Text.Json.Nodes;
using IacPlatform.State.Tfstate;
using Shouldly;
using static IacPlatform.State.Tests.Unit.Tfstate.TfstateSamples;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class StateEditorMoveTests
{
    // aws_instance.web uses the legacy "each" field, as Terraform 0.12 wrote it.
    private static readonly byte[] Sample = StateJson($$"""
        [
          {{Resource("aws_instance", "web", $"[{Instance("""{"id":"i-0"}""", "0")},{Instance("""{"id":"i-1"}""", "1")}]", extra: ",\"each\":\"list\"")}},
          {{Resource("aws_instance", "api", $"[{Instance("""{"id":"i-api"}""")}]")}},
          {{Resource("aws_s3_bucket", "logs", $"[{Instance("""{"id":"logs"}""")}]")}},
          {{Resource("aws_subnet", "a", $"[{Instance("""{"id":"subnet-eu"}""")}]", module: "module.net[\"eu\"]")}},
          {{Resource("aws_vpc", "main", $"[{Instance("""{"id":"vpc-1"}""")}]", module: "module.net[\"eu\"].module.vpc")}},
          {{Resource("aws_vpc", "main", $"[{Instance("""{"id":"vpc-2"}""")}]", module: "module.other")}}
        ]
        """, serial: 7);

    [Fact]
    public void MoveAddress_ResourceToResource_RenamesItWithAllInstances()
    {
        var result = StateEditor.MoveAddress(Sample, "aws_instance.web", "aws_instance.app");

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Message.ShouldBe("Moved aws_instance.web to aws_instance.app (2 instances).");
        var document = TfstateDocument.Parse(result.State!);
        document.FindInstance("aws_instance.app[1]").ShouldNotBeNull().CloudId.ShouldBe("i-1");
        document.FindResource(ResourceAddress.Parse("aws_instance.web")).ShouldBeNull();
        document.Serial.ShouldBe(8);
        document.Lineage.ShouldBe(Lineage);
    }

    [Fact]
    public void MoveAddress_ResourceIntoModuleAndBack_SetsAndRemovesTheModuleField()
    {
        var into = StateEditor.MoveAddress(Sample, "aws_instance.api", "module.app[0].aws_instance.api");
        var back = StateEditor.MoveAddress(into.State, "module.app[0].aws_instance.api", "aws_instance.api2");

        TfstateDocument.Parse(into.State!).FindInstance("module.app[0].aws_instance.api").ShouldNotBeNull().CloudId.ShouldBe("i-api");
        var moved = JsonNode.Parse(into.State!)!["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "api")!.AsObject();
        moved.First().Key.ShouldBe("module");
        moved["module"]!.GetValue<string>().ShouldBe("module.app[0]");
        var returned = JsonNode.Parse(back.State!)!["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "api2")!.AsObject();
        returned.ContainsKey("module").ShouldBeFalse();
        TfstateScanner.Scan(back.State).Serial.ShouldBe(9);
    }

    [Fact]
    public void MoveAddress_InstanceToInstanceOfAnotherResource_ChangesKeyAndEach()
    {
        var result = StateEditor.MoveAddress(Sample, "aws_instance.web[0]", "aws_instance.blue[\"x\"]");

        result.Succeeded.ShouldBeTrue(result.Message);
        var document = TfstateDocument.Parse(result.State!);
        document.FindInstance("aws_instance.blue[\"x\"]").ShouldNotBeNull().CloudId.ShouldBe("i-0");
        document.FindInstance("aws_instance.web[0]").ShouldBeNull();
        document.FindResource(ResourceAddress.Parse("aws_instance.web")).ShouldNotBeNull().Each.ShouldBe("list");
        var blue = document.FindResource(ResourceAddress.Parse("aws_instance.blue")).ShouldNotBeNull();
        blue.Each.ShouldBe("map");
        blue.Provider.Raw.ShouldBe("provider[\"registry.terraform.io/hashicorp/aws\"]");
    }

    [Fact]
    public void MoveAddress_SingleInstanceToCountIndex_AddsTheKey()
    {
        var result = StateEditor.MoveAddress(Sample, "aws_instance.api", "aws_instance.api[0]");

        TfstateScanner.Scan(result.State).Addresses.ShouldContain("aws_instance.api[0]");
        TfstateScanner.Scan(result.State).Addresses.ShouldNotContain("aws_instance.api");
    }

    [Fact]
    public void MoveAddress_LastInstanceOut_RemovesTheEmptyResource()
    {
        var result = StateEditor.MoveAddress(Sample, "module.net[\"eu\"].aws_subnet.a", "aws_subnet.a[\"eu\"]");

        var document = TfstateDocument.Parse(result.State!);
        document.FindResource(ResourceAddress.Parse("module.net[\"eu\"].aws_subnet.a")).ShouldBeNull();
        document.FindInstance("aws_subnet.a[\"eu\"]").ShouldNotBeNull().CloudId.ShouldBe("subnet-eu");
    }

    [Fact]
    public void MoveAddress_ModuleToModule_RenamesEveryResourceUnderItIncludingNested()
    {
        var result = StateEditor.MoveAddress(Sample, "module.net[\"eu\"]", "module.network.module.region[\"eu-west-1\"]");

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Message.ShouldBe("Moved module.net[\"eu\"] to module.network.module.region[\"eu-west-1\"] (2 resource instances).");
        var addresses = TfstateScanner.Scan(result.State).Addresses;
        addresses.ShouldContain("module.network.module.region[\"eu-west-1\"].aws_subnet.a");
        addresses.ShouldContain("module.network.module.region[\"eu-west-1\"].module.vpc.aws_vpc.main");
        addresses.ShouldNotContain(a => a.StartsWith("module.net[", StringComparison.Ordinal));
        addresses.Count.ShouldBe(7);
    }

    [Theory]
    [InlineData("aws_instance.web", "aws_s3_bucket.web", "the resource types differ (aws_instance and aws_s3_bucket)")]
    [InlineData("aws_instance.web[0]", "aws_s3_bucket.web[0]", "the resource types differ")]
    [InlineData("aws_instance.api", "data.aws_instance.api", "the resource types differ (aws_instance and data.aws_instance)")]
    [InlineData("module.net", "aws_instance.x", "a module moves to a module address and a resource to a resource address")]
    [InlineData("aws_instance.api", "module.x", "a module moves to a module address")]
    [InlineData("aws_instance.api", "aws_instance.api", "Cannot move aws_instance.api to itself.")]
    [InlineData("module.net[\"eu\"]", "module.net[\"eu\"].module.inner", "Cannot move module.net[\"eu\"] into itself")]
    [InlineData("aws_instance.web", "aws_instance.other[0]", "aws_instance.web has 2 instances; name the one to move, like aws_instance.web[0].")]
    [InlineData("aws_instance.web[", "aws_instance.x", "Invalid resource address")]
    public void MoveAddress_Nonsensical_ReturnsInvalid(string from, string to, string message)
    {
        var result = StateEditor.MoveAddress(Sample, from, to);

        result.Error.ShouldBe(StateEditError.Invalid);
        result.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("aws_instance.api", "aws_instance.web", "aws_instance.web already exists in the state.")]
    [InlineData("aws_instance.api", "aws_instance.web[1]", "aws_instance.web[1] already exists in the state.")]
    [InlineData("aws_instance.web[0]", "aws_instance.web[1]", "aws_instance.web[1] already exists in the state.")]
    [InlineData("aws_instance.web[0]", "aws_instance.api[0]", "aws_instance.api already exists with instances keyed like aws_instance.api")]
    [InlineData("module.net[\"eu\"].module.vpc", "module.other", "module.other already exists in the state.")]
    public void MoveAddress_DestinationExists_ReturnsConflict(string from, string to, string message)
    {
        var result = StateEditor.MoveAddress(Sample, from, to);

        result.Error.ShouldBe(StateEditError.Conflict);
        result.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("aws_instance.nope", "aws_instance.x", "aws_instance.nope is not in the state.")]
    [InlineData("aws_instance.web[5]", "aws_instance.web[6]", "aws_instance.web[5] is not in the state.")]
    [InlineData("aws_instance.api[0]", "aws_instance.api[1]", "aws_instance.api[0] is not in the state.")]
    [InlineData("module.net", "module.x", "module.net is not in the state.")]
    public void MoveAddress_SourceMissing_ReturnsNotFound(string from, string to, string message)
    {
        var result = StateEditor.MoveAddress(Sample, from, to);

        result.Error.ShouldBe(StateEditError.NotFound);
        result.Message.ShouldBe(message);
    }
}
