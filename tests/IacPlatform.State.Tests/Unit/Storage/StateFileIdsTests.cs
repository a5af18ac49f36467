using IacPlatform.State.Features.StateFiles;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Storage;

public sealed class StateFileIdsTests
{
    [Theory]
    [InlineData("aws_instance.web")]
    [InlineData("module.net[\"eu-west/1\"].aws_subnet.a[0]")]
    public void ResourceId_RoundTrips(string address)
    {
        var workspace = Guid.CreateVersion7();
        StateFileIds.TryParseResourceId(StateFileIds.ResourceId(workspace, address), out var id, out var parsed).ShouldBeTrue();
        id.ShouldBe(workspace);
        parsed.ShouldBe(address);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParseResourceId_Garbage_ReturnsFalse(string id) =>
        StateFileIds.TryParseResourceId(id, out _, out _).ShouldBeFalse();
}
