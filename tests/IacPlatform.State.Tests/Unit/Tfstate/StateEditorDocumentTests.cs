using System.Text;
using System.Text.Json.Nodes;
using IacPlatform.State.Tfstate;
using Shouldly;
using static IacPlatform.State.Tests.Unit.Tfstate.TfstateSamples;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class StateEditorDocumentTests
{
    [Fact]
    public void Edit_StateWithUnknownFields_PreservesThemExactly()
    {
        var instance = Instance("""{"id":"i-0","ratio":1.50,"nested":{"z":1,"a":[true,null]}}""", extra: ""","identity":{"arn":"x"},"future_field":[1,2]""");
        var resource = Resource("aws_instance", "web", $"[{instance}]", extra: ""","future_resource":"kept" """);
        var state = StateJson($"[{resource}]", extra: ""","check_results":null,"zz_future":{"b":2,"a":1},"unicode":"café ✓" """);

        var result = StateEditor.ImportResource(state, "aws_s3_bucket", "b", "bucket-1");

        var edited = JsonNode.Parse(result.State!)!.AsObject();
        var original = JsonNode.Parse(state)!.AsObject();
        edited["serial"]!.GetValue<long>().ShouldBe(2);
        edited["lineage"]!.GetValue<string>().ShouldBe(Lineage);
        edited.Select(p => p.Key).ShouldBe(original.Select(p => p.Key));
        JsonNode.DeepEquals(edited["zz_future"], original["zz_future"]).ShouldBeTrue();
        var web = edited["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "web")!;
        JsonNode.DeepEquals(web, original["resources"]![0]).ShouldBeTrue();
        var text = Encoding.UTF8.GetString(result.State!);
        text.ShouldContain("\"ratio\": 1.50");
        text.ShouldContain("\"unicode\": \"café ✓\"");
        text.ShouldEndWith("}\n");
    }

    [Fact]
    public void Edit_DuplicatedProperty_ReturnsInvalidInsteadOfThrowing()
    {
        var resource = Resource("aws_instance", "web", $"[{Instance("""{"id":"i-0","id":"i-1"}""")}]", extra: ""","name":"web" """);

        var result = StateEditor.MoveAddress(StateJson($"[{resource}]"), "aws_instance.web", "aws_instance.app");

        result.Error.ShouldBe(StateEditError.Invalid);
        result.Message.ShouldStartWith("The state cannot be edited:");
    }

    [Fact]
    public void Edit_SerialAtMaximum_ReturnsInvalidInsteadOfWrapping()
    {
        var result = StateEditor.ImportResource(StateJson(serial: long.MaxValue), "aws_instance", "web", "i-1");

        result.Error.ShouldBe(StateEditError.Invalid);
    }

    [Fact]
    public void Edit_ByteOrderMark_IsDroppedFromTheNewState()
    {
        byte[] state = [0xEF, 0xBB, 0xBF, .. StateJson()];

        var result = StateEditor.ImportResource(state, "aws_instance", "web", "i-1");

        result.Succeeded.ShouldBeTrue(result.Message);
        result.State![0].ShouldBe((byte)'{');
    }

    public static TheoryData<object?, string> KeysFromJson { get; } = new()
    {
        { System.Text.Json.JsonDocument.Parse("3").RootElement.Clone(), "aws_instance.web[3]" },
        { System.Text.Json.JsonDocument.Parse("\"eu\"").RootElement.Clone(), "aws_instance.web[\"eu\"]" },
        { System.Text.Json.JsonDocument.Parse("null").RootElement.Clone(), "aws_instance.web" },
        { JsonValue.Create(4), "aws_instance.web[4]" },
        { JsonNode.Parse("\"us\""), "aws_instance.web[\"us\"]" },
    };

    [Theory]
    [MemberData(nameof(KeysFromJson))]
    public void ImportResource_KeyDeserializedFromJson_IsUnderstood(object? key, string address)
    {
        var result = StateEditor.ImportResource(StateJson(), "aws_instance", "web", "i-1", indexKey: key);

        TfstateScanner.Scan(result.State).Addresses.ShouldBe([address]);
    }
}
