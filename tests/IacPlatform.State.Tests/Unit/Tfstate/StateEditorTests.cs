using System.Text;
using System.Text.Json.Nodes;
using IacPlatform.State.Tfstate;
using Shouldly;
using static IacPlatform.State.Tests.Unit.Tfstate.TfstateSamples;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class StateEditorTests
{
    private static readonly byte[] Sample = StateJson($$"""
        [
          {{Resource("aws_instance", "web", $"[{Instance("""{"id":"i-0"}""", "0")},{Instance("""{"id":"i-1"}""", "1")}]")}},
          {{Resource("aws_s3_bucket", "logs", $"[{Instance("""{"id":"logs"}""")}]")}},
          {{Resource("aws_subnet", "a", $"[{Instance("""{"id":"subnet-eu"}""")}]", module: "module.net[\"eu\"]")}},
          {{Resource("aws_subnet", "a", $"[{Instance("""{"id":"subnet-us"}""")}]", module: "module.net[\"us\"]")}},
          {{Resource("aws_vpc", "main", $"[{Instance("""{"id":"vpc-1"}""")}]", module: "module.net[\"eu\"].module.vpc")}}
        ]
        """, serial: 41);

    [Fact]
    public void ImportResource_NewResource_AddsInstanceWithIdAndDefaultProvider()
    {
        var attributes = new JsonObject { ["instance_type"] = "t3.micro", ["id"] = "ignored" };

        var result = StateEditor.ImportResource(Sample, "aws_instance", "db", "i-0abc", attributes: attributes);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Message.ShouldBe("Imported aws_instance.db with id i-0abc.");
        var document = TfstateDocument.Parse(result.State!);
        var resource = document.FindResource(ResourceAddress.Parse("aws_instance.db")).ShouldNotBeNull();
        resource.Provider.Raw.ShouldBe("provider[\"registry.terraform.io/hashicorp/aws\"]");
        resource.Provider.ShortName.ShouldBe("aws");
        var instance = resource.Instances.ShouldHaveSingleItem();
        instance.CloudId.ShouldBe("i-0abc");
        instance.FlattenAttributes()["instance_type"].GetString().ShouldBe("t3.micro");
        document.Serial.ShouldBe(42);
        result.Serial.ShouldBe(42);
        document.Lineage.ShouldBe(Lineage);
        document.Addresses.ShouldBe([
            "aws_instance.db", "aws_instance.web[0]", "aws_instance.web[1]", "aws_s3_bucket.logs", "module.net[\"eu\"].aws_subnet.a",
            "module.net[\"us\"].aws_subnet.a", "module.net[\"eu\"].module.vpc.aws_vpc.main",
        ], ignoreOrder: true);
    }

    [Fact]
    public void ImportResource_IntoModuleWithKey_AddsKeyedInstanceBesideItsSiblings()
    {
        var first = StateEditor.ImportResource(Sample, "google_compute_instance", "vm", "vm-a", module: "module.net[\"eu\"]", indexKey: "a");
        var second = StateEditor.ImportResource(first.State, "google_compute_instance", "vm", "vm-b", module: "module.net[\"eu\"]", indexKey: "b");

        second.Succeeded.ShouldBeTrue(second.Message);
        var resource = TfstateDocument.Parse(second.State!).FindResource(ResourceAddress.Parse("module.net[\"eu\"].google_compute_instance.vm"));
        resource.ShouldNotBeNull().Provider.Source.ShouldBe("registry.terraform.io/hashicorp/google");
        resource.Instances.Select(i => i.Address.ToString()).ShouldBe([
            "module.net[\"eu\"].google_compute_instance.vm[\"a\"]", "module.net[\"eu\"].google_compute_instance.vm[\"b\"]",
        ]);
        TfstateScanner.Scan(second.State).Serial.ShouldBe(43);
    }

    [Theory]
    [InlineData("integrations/github", "provider[\"registry.terraform.io/integrations/github\"]")]
    [InlineData("random", "provider[\"registry.terraform.io/hashicorp/random\"]")]
    [InlineData("example.com/acme/cloud", "provider[\"example.com/acme/cloud\"]")]
    [InlineData("provider[\"registry.terraform.io/hashicorp/aws\"].west", "provider[\"registry.terraform.io/hashicorp/aws\"].west")]
    public void ImportResource_GivenProvider_WritesProviderField(string provider, string field)
    {
        var result = StateEditor.ImportResource(Sample, "github_repository", "repo", "repo", provider: provider);

        TfstateDocument.Parse(result.State!).Resources.Single(r => r.Name == "repo").Provider.Raw.ShouldBe(field);
    }

    [Theory]
    [InlineData("aws_instance", "web", null, 0, "aws_instance.web[0] already exists in the state")]
    [InlineData("aws_instance", "web", null, "x", "aws_instance.web already exists with instances keyed like aws_instance.web[0]")]
    [InlineData("aws_s3_bucket", "logs", null, null, "aws_s3_bucket.logs already exists in the state")]
    [InlineData("aws_subnet", "a", "module.net[\"us\"]", null, "module.net[\"us\"].aws_subnet.a already exists")]
    public void ImportResource_ExistingAddress_ReturnsConflict(string type, string name, string? module, object? key, string message)
    {
        var result = StateEditor.ImportResource(Sample, type, name, "id-1", module: module, indexKey: key);

        result.Error.ShouldBe(StateEditError.Conflict);
        result.State.ShouldBeNull();
        result.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("aws instance", "web", "i-1", null, null, "\"aws instance\" is not a valid resource type")]
    [InlineData("aws_instance", "1web", "i-1", null, null, "\"1web\" is not a valid resource name")]
    [InlineData("aws_instance", "web2", " ", null, null, "The cloud id to import is empty.")]
    [InlineData("aws_instance", "web2", "i-1", "module.", null, "Invalid module address")]
    [InlineData("aws_instance", "web2", "i-1", null, "bad provider!", "\"bad provider!\" is not a provider name")]
    public void ImportResource_InvalidArguments_ReturnsInvalid(string type, string name, string id, string? module, string? provider, string message)
    {
        var result = StateEditor.ImportResource(Sample, type, name, id, module: module, provider: provider);

        result.Error.ShouldBe(StateEditError.Invalid);
        result.Message.ShouldContain(message);
    }

    [Fact]
    public void ImportResource_KeyOfUnsupportedType_ReturnsInvalid()
    {
        var result = StateEditor.ImportResource(Sample, "aws_instance", "web2", "i-1", indexKey: 1.5);

        result.Error.ShouldBe(StateEditError.Invalid);
        result.Message.ShouldBe("An instance key must be an integer or a string, not Double.");
    }

    [Fact]
    public void ImportResource_InvalidState_ReturnsInvalidWithTheScannersMessage()
    {
        var result = StateEditor.ImportResource("""{"version":3,"serial":1,"lineage":"l"}"""u8, "aws_instance", "web", "i-1");

        result.Error.ShouldBe(StateEditError.Invalid);
        result.Message.ShouldStartWith("State format version 3 is not supported");
    }

    [Fact]
    public void RemoveAddress_Resource_RemovesAllInstances()
    {
        var result = StateEditor.RemoveAddress(Sample, "aws_instance.web");

        result.Message.ShouldBe("Removed aws_instance.web (2 instances).");
        TfstateScanner.Scan(result.State).Addresses.ShouldNotContain(a => a.StartsWith("aws_instance.web", StringComparison.Ordinal));
        TfstateScanner.Scan(result.State).ResourceCount.ShouldBe(4);
    }

    [Fact]
    public void RemoveAddress_Instance_RemovesOnlyThatInstanceThenTheEmptyResource()
    {
        var first = StateEditor.RemoveAddress(Sample, "aws_instance.web[1]");
        var second = StateEditor.RemoveAddress(first.State, "aws_instance.web[0]");

        TfstateScanner.Scan(first.State).Addresses.ShouldContain("aws_instance.web[0]");
        TfstateScanner.Scan(first.State).Addresses.ShouldNotContain("aws_instance.web[1]");
        TfstateScanner.Scan(second.State).Serial.ShouldBe(43);
        Encoding.UTF8.GetString(second.State!).ShouldNotContain("\"web\"");
    }

    [Theory]
    [InlineData("module.net", 3, "Removed 3 resource instances under module.net.")]
    [InlineData("module.net[\"eu\"]", 2, "Removed 2 resource instances under module.net[\"eu\"].")]
    [InlineData("module.net[\"eu\"].module.vpc", 1, "Removed 1 resource instance under module.net[\"eu\"].module.vpc.")]
    public void RemoveAddress_Module_RemovesEverythingUnderIt(string module, int removed, string message)
    {
        var result = StateEditor.RemoveAddress(Sample, module);

        result.Message.ShouldBe(message);
        var addresses = TfstateScanner.Scan(result.State).Addresses;
        addresses.Count.ShouldBe(6 - removed);
        addresses.ShouldNotContain(a => ModuleAddress.Parse(module).TargetContains(ResourceAddress.Parse(a).Module));
    }

    [Theory]
    [InlineData("aws_instance.db", "aws_instance.db is not in the state.")]
    [InlineData("aws_instance.web[2]", "aws_instance.web[2] is not in the state.")]
    [InlineData("aws_instance.web[\"0\"]", "aws_instance.web[\"0\"] is not in the state.")]
    [InlineData("data.aws_instance.web", "data.aws_instance.web is not in the state.")]
    [InlineData("module.app", "There are no resources under module.app in the state.")]
    [InlineData("module.net[\"asia\"]", "There are no resources under module.net[\"asia\"] in the state.")]
    public void RemoveAddress_NothingMatches_ReturnsNotFound(string address, string message)
    {
        var result = StateEditor.RemoveAddress(Sample, address);

        result.Error.ShouldBe(StateEditError.NotFound);
        result.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("aws_instance")]
    [InlineData("module.net[")]
    public void RemoveAddress_InvalidAddress_ReturnsInvalid(string address)
    {
        var result = StateEditor.RemoveAddress(Sample, address);

        result.Error.ShouldBe(StateEditError.Invalid);
        result.Message.ShouldNotBeNullOrWhiteSpace();
    }
}
