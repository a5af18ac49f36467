using System.Text.Json.Nodes;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

internal static class JsonShould
{
    /// <summary>Deep equality of JSON, showing both texts when they differ.</summary>
    public static void ShouldEqualJson(this JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actual, expectedNode).ShouldBeTrue(
            $"expected {expectedNode?.ToJsonString()}\n but was {actual?.ToJsonString()}");
    }
}
