using System.Text;
using IacPlatform.State.Storage;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Storage;

public sealed class SerialRewriterTests
{
    [Fact]
    public void WithSerial_ReplacesOnlyTopLevelSerial()
    {
        var state = """
            {
              "version": 4,
              "resources": [{"instances": [{"attributes": {"serial": 7}}]}],
              "serial": 12,
              "lineage": "x"
            }
            """;

        var result = Encoding.UTF8.GetString(SerialRewriter.WithSerial(Encoding.UTF8.GetBytes(state), 13));

        result.ShouldBe(state.Replace("\"serial\": 12", "\"serial\": 13", StringComparison.Ordinal));
    }

    [Fact]
    public void WithSerial_NoSerial_Throws() =>
        Should.Throw<InvalidOperationException>(() => SerialRewriter.WithSerial("""{"version":4}"""u8, 2));
}
