using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Drift.Engine;
using Shouldly;

namespace IacPlatform.Drift.Tests.Engine;

public sealed class StateResourcesTests
{
    private const string Aws = "provider[\\\"registry.terraform.io/hashicorp/aws\\\"]";

    [Fact]
    public void Read_ModulesCountAndForEach_BuildsInstanceAddresses()
    {
        var read = Read($$$"""
            {"version": 4, "serial": 3, "lineage": "x", "terraform_version": "1.9.0", "outputs": {}, "resources": [
              {"mode": "managed", "type": "aws_vpc", "name": "main", "provider": "{{{Aws}}}",
               "instances": [{"schema_version": 1, "attributes": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}}]},
              {"module": "module.net", "mode": "managed", "type": "aws_subnet", "name": "private", "each": "list", "provider": "{{{Aws}}}",
               "instances": [{"index_key": 0, "attributes": {"id": "subnet-0"}}, {"index_key": 1, "attributes": {"id": "subnet-1"}}]},
              {"module": "module.net.module.sg[\"web\"]", "mode": "managed", "type": "aws_security_group", "name": "this", "each": "map",
               "provider": "module.net.{{{Aws}}}",
               "instances": [{"index_key": "a", "attributes": {"id": "sg-a"}}, {"index_key": "b c", "attributes": {"id": "sg-b"}}]}
            ]}
            """);

        read.Error.ShouldBeNull();
        read.Resources.Select(r => $"{r.Address}|{r.Type}|{r.NativeId}|{r.Provider}|{r.Workspace}").ShouldBe(
        [
            "aws_vpc.main|aws_vpc|vpc-1|aws|prod",
            "module.net.aws_subnet.private[0]|aws_subnet|subnet-0|aws|prod",
            "module.net.aws_subnet.private[1]|aws_subnet|subnet-1|aws|prod",
            "module.net.module.sg[\"web\"].aws_security_group.this[\"a\"]|aws_security_group|sg-a|aws|prod",
            "module.net.module.sg[\"web\"].aws_security_group.this[\"b c\"]|aws_security_group|sg-b|aws|prod",
        ]);
    }

    [Fact]
    public void Read_DataSourcesDeposedAndIdless_AreLeftOut()
    {
        var read = Read($$$"""
            {"version": 4, "resources": [
              {"mode": "data", "type": "aws_ami", "name": "ubuntu", "provider": "{{{Aws}}}", "instances": [{"attributes": {"id": "ami-1"}}]},
              {"mode": "managed", "type": "aws_instance", "name": "web", "provider": "{{{Aws}}}", "instances": [
                {"attributes": {"id": "i-current"}},
                {"deposed": "00000001", "attributes": {"id": "i-old"}},
                {"status": "tainted", "attributes": {"id": "i-tainted"}}]},
              {"mode": "managed", "type": "null_resource", "name": "n", "provider": "{{{Aws}}}", "instances": [
                {"attributes": {"triggers": null}}, {"attributes": {"id": null}}, {"attributes": {"id": ""}}, {"attributes": null}]}
            ]}
            """);

        read.Resources.Select(r => r.NativeId).ShouldBe(["i-current", "i-tainted"]);
    }

    [Fact]
    public void Read_InstancesBeforeModeAndResourcesBeforeVersion_ReadsTheSame()
    {
        var read = Read("""
            {"resources": [
              {"instances": [{"attributes": {"id": "d-1"}}], "mode": "data", "type": "aws_ami", "name": "x"},
              {"instances": [{"attributes": {"id": "m-1"}}], "type": "aws_vpc", "name": "y", "mode": "managed"}],
             "version": 4}
            """);

        read.Error.ShouldBeNull();
        read.Resources.ShouldHaveSingleItem().Address.ShouldBe("aws_vpc.y");
    }

    [Theory]
    [InlineData("provider[\\\"registry.terraform.io/hashicorp/aws\\\"]", "aws")]
    [InlineData("provider[\\\"registry.terraform.io/hashicorp/aws\\\"].west", "aws")]
    [InlineData("module.net.provider[\\\"registry.terraform.io/hashicorp/google\\\"]", "google")]
    [InlineData("provider[\\\"example.com/acme/azurerm\\\"]", "azurerm")]
    [InlineData("provider[\\\"registry.terraform.io/-/null\\\"]", "null")]
    [InlineData("provider.aws", "aws")]
    [InlineData("provider.aws.east", "aws")]
    [InlineData("module.app.provider.azurerm", "azurerm")]
    [InlineData("", "kubernetes")]
    public void Read_ProviderAddress_GivesShortName(string provider, string expected)
    {
        var read = Read($$$"""
            {"version": 4, "resources": [{"mode": "managed", "type": "kubernetes_namespace", "name": "n", "provider": "{{{provider}}}",
              "instances": [{"attributes": {"id": "ns"}}]}]}
            """);

        read.Resources.ShouldHaveSingleItem().Provider.ShouldBe(expected);
    }

    [Fact]
    public void Read_Attributes_AreMaterialisedObjectsWithTypedValues()
    {
        var read = Read("""
            {"version": 4, "resources": [{"mode": "managed", "type": "aws_instance", "name": "web", "instances": [{"attributes": {
              "id": "i-1", "instance_type": "t3.micro", "cpu_core_count": 2, "ratio": 0.5, "monitoring": false, "user_data": null,
              "tags": {"env": "prod"}, "vpc_security_group_ids": ["sg-1", "sg-2"],
              "root_block_device": [{"volume_size": 8, "encrypted": true}]}}]}]}
            """);

        var attributes = read.Resources.ShouldHaveSingleItem().Attributes;
        attributes["instance_type"]!.GetValue<string>().ShouldBe("t3.micro");
        attributes["cpu_core_count"]!.GetValue<long>().ShouldBe(2);
        attributes["ratio"]!.GetValue<double>().ShouldBe(0.5);
        attributes["monitoring"]!.GetValue<bool>().ShouldBeFalse();
        attributes.ContainsKey("user_data").ShouldBeTrue();
        attributes["user_data"].ShouldBeNull();
        attributes["tags"]!["env"]!.GetValue<string>().ShouldBe("prod");
        attributes["root_block_device"]![0]!["volume_size"]!.GetValue<long>().ShouldBe(8);
        attributes.ToJsonString().ShouldBe("""{"id":"i-1","instance_type":"t3.micro","cpu_core_count":2,"ratio":0.5,"monitoring":false,"user_data":null,"tags":{"env":"prod"},"vpc_security_group_ids":["sg-1","sg-2"],"root_block_device":[{"volume_size":8,"encrypted":true}]}""");
    }

    [Fact]
    public void Read_StringKeysWithQuotes_AreEscapedInTheAddress()
    {
        var read = Read("""
            {"version": 4, "resources": [{"mode": "managed", "type": "aws_vpc", "name": "v",
              "instances": [{"index_key": "a\"b\\c", "attributes": {"id": "vpc-1"}}, {"index_key": "${x}", "attributes": {"id": "vpc-2"}}]}]}
            """);

        read.Resources.Select(r => r.Address).ShouldBe(["aws_vpc.v[\"a\\\"b\\\\c\"]", "aws_vpc.v[\"$${x}\"]"]);
    }

    [Fact]
    public void Read_RealStateWithFlatAttributesAndCount_ReadsEveryInstance()
    {
        var read = StateResources.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Testdata", "v4-simple.tfstate")), "default");

        read.Error.ShouldBeNull();
        read.Resources.Select(r => $"{r.Address}|{r.NativeId}|{r.Provider}").ShouldBe(
        [
            "null_resource.bar|5388490630832483079|null",
            "null_resource.foo[0]|8212585058302700791|null",
            "null_resource.foo[1]|1523897709610803586|null",
        ]);
        read.Resources[0].Attributes.ToJsonString().ShouldBe("""{"id":"5388490630832483079","triggers":{"whaaat":"0,1"}}""");
    }

    [Theory]
    [InlineData("v4-cbd.tfstate")]
    [InlineData("v4-legacy-provider.tfstate")]
    public void Read_RealModuleState_ReadsModuleAddressAndProvider(string file)
    {
        var read = StateResources.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Testdata", file)), "default");

        var resource = read.Resources.ShouldHaveSingleItem();
        resource.Address.ShouldBe("module.modA.null_resource.resource");
        resource.Provider.ShouldBe("null");
        resource.NativeId.ShouldBe("4639265839606265182");
        resource.Attributes["triggers"]!["input"]!.GetValue<string>().ShouldBe("test");
    }

    [Fact]
    public void Read_FlatAttributesWithListsAndMaps_ExpandsThem()
    {
        var read = Read("""
            {"version": 4, "resources": [{"mode": "managed", "type": "aws_security_group", "name": "sg", "instances": [{"attributes_flat": {
              "id": "sg-1", "ingress.#": "2", "ingress.1.from_port": "443", "ingress.0.from_port": "22", "ingress.0.cidr_blocks.#": "1",
              "ingress.0.cidr_blocks.0": "10.0.0.0/8", "tags.%": "1", "tags.env": "prod", "egress.#": "0"}}]}]}
            """);

        read.Resources.ShouldHaveSingleItem().Attributes.ToJsonString().ShouldBe(
            """{"id":"sg-1","ingress":[{"from_port":"22","cidr_blocks":["10.0.0.0/8"]},{"from_port":"443"}],"tags":{"env":"prod"},"egress":[]}""");
    }

    [Theory]
    [InlineData("", StateReadError.InvalidJson, "The state is empty.")]
    [InlineData("  \n", StateReadError.InvalidJson, "The state is empty.")]
    [InlineData("{\"version\": 4,", StateReadError.InvalidJson, "The state is not valid JSON: the error is at line 1, byte 14.")]
    [InlineData("{\"version\": 4}\n{}", StateReadError.InvalidJson, "The state is not valid JSON: the error is at line 2, byte 1.")]
    [InlineData("terraform", StateReadError.InvalidJson, "The state is not valid JSON: the error is at line 1, byte 2.")]
    [InlineData("[1, 2]", StateReadError.NotAnObject, "The state must be a JSON object with \"version\" and \"resources\", not an array.")]
    [InlineData("\"state\"", StateReadError.NotAnObject, "The state must be a JSON object with \"version\" and \"resources\", not a string.")]
    [InlineData("{\"version\": 3, \"resources\": []}", StateReadError.UnsupportedVersion, "State format version 3 is not supported: only version 4 (Terraform 0.12 and later) is. Run a current Terraform on it once to upgrade it.")]
    [InlineData("{\"version\": \"4\"}", StateReadError.UnsupportedVersion, "The state's \"version\" must be a whole number (4).")]
    [InlineData("{\"resources\": []}", StateReadError.UnsupportedVersion, "The state has no \"version\": only state format version 4 (Terraform 0.12 and later) is supported.")]
    [InlineData("{\"version\": 4, \"resources\": {}}", StateReadError.InvalidResources, "The state's \"resources\" must be an array, not an object.")]
    [InlineData("{\"version\": 4, \"resources\": [7]}", StateReadError.InvalidResources, "resources[0] must be an object, not a number.")]
    [InlineData("{\"version\": 4, \"resources\": [{\"type\": \"aws_vpc\", \"name\": \"a\", \"instances\": {}}]}", StateReadError.InvalidResources, "resources[0].instances must be an array, not an object.")]
    [InlineData("{\"version\": 4, \"resources\": [{\"type\": \"aws_vpc\", \"name\": \"a\"}, {\"type\": \"aws_vpc\", \"instances\": []}]}", StateReadError.InvalidResources, "resources[1] must have a \"type\" and a \"name\".")]
    [InlineData("{\"version\": 4, \"resources\": [{\"type\": \"aws_vpc\", \"name\": \"a\", \"instances\": [[]]}]}", StateReadError.InvalidResources, "resources[0].instances[0] must be an object, not an array.")]
    [InlineData("{\"version\": 4, \"resources\": [{\"type\": \"aws_vpc\", \"name\": \"a\", \"instances\": [{\"attributes\": \"x\"}]}]}", StateReadError.InvalidResources, "resources[0].instances[0].attributes must be an object, not a string.")]
    public void Read_InvalidInput_FailsWithCodeAndMessage(string json, string code, string message)
    {
        var read = StateResources.Read(json, "prod");

        read.Succeeded.ShouldBeFalse();
        read.Resources.ShouldBeEmpty();
        read.Error.ShouldBe(new StateReadError(code, message));
    }

    [Fact]
    public void Read_InvalidUtf8_FailsAsInvalidJson()
    {
        byte[] bytes = [.. "{\"version\": 4, \"resources\": [{\"type\": \"aws_vpc\", \"name\": \"a\", \"instances\": [{\"index_key\": \""u8, 0xFF, 0xFE, .. "\"}]}]}"u8];

        StateResources.Read(bytes, "prod").Error!.Code.ShouldBe(StateReadError.InvalidJson);
    }

    [Theory]
    [InlineData(StateResources.MaxInstances, true)]
    [InlineData(StateResources.MaxInstances + 1, false)]
    public void Read_InstanceLimit_AllowsUpTo200000(int instances, bool succeeds)
    {
        var json = new StringBuilder("""{"version": 4, "resources": [{"mode": "data", "type": "aws_ami", "name": "a", "instances": [""");
        json.AppendJoin(',', Enumerable.Repeat("{}", instances)).Append("]}]}");

        var read = StateResources.Read(json.ToString(), "prod");

        read.Succeeded.ShouldBe(succeeds);
        if (!succeeds)
        {
            read.Error.ShouldBe(new StateReadError(StateReadError.TooManyInstances,
                "The state has more than 200,000 resource instances, the most drift detection reads; split it into smaller states."));
        }
    }

    [Fact]
    public async Task ReadAsync_StreamWithByteOrderMark_ReadsResources()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            """{"version": 4, "resources": [{"mode": "managed", "type": "aws_vpc", "name": "a", "instances": [{"attributes": {"id": "vpc-1"}}]}]}""")).ToArray();
        await using var stream = new MemoryStream(bytes);

        var read = await StateResources.ReadAsync(stream, "staging", TestContext.Current.CancellationToken);

        read.Resources.ShouldHaveSingleItem().Workspace.ShouldBe("staging");
    }

    [Fact]
    public void Read_SameAttributesAsJsonNodeParse_SerialiseIdentically()
    {
        const string Attributes = """{"id":"x","a":[1,2.5,"3",true,null,{"b":{"c":[]}}],"d":{},"e":-7,"f":1E+300}""";
        var read = Read($$$"""{"version": 4, "resources": [{"mode": "managed", "type": "aws_vpc", "name": "a", "instances": [{"attributes": {{{Attributes}}}}]}]}""");

        JsonNode.DeepEquals(read.Resources.ShouldHaveSingleItem().Attributes, JsonNode.Parse(Attributes)).ShouldBeTrue();
        JsonSerializer.Serialize(read.Resources[0].Attributes).ShouldBe("""{"id":"x","a":[1,2.5,"3",true,null,{"b":{"c":[]}}],"d":{},"e":-7,"f":1E+300}""");
    }

    private static StateReadResult Read(string json) => StateResources.Read(json, "prod");
}
