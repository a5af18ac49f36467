using System.Diagnostics;
using System.Text;
using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

/// <summary>
/// 10 MB inputs, real and hostile, must finish in linear time. The bound is loose on purpose (Debug builds on a busy
/// two-core CI machine): it catches hangs and super-linear behaviour, it is not a benchmark.
/// </summary>
public sealed class LogParsingPerformanceTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void TerraformParse_TenMegabytesOfJsonLines_ParsesQuickly()
    {
        var summary = Timed(() => TerraformLogParser.Parse(Repeat(LogSamples.Terraform("apply.json"))));

        summary.Format.ShouldBe("json");
        summary.Status.ShouldBe("success");
    }

    [Fact]
    public void TerraformParse_TenMegabytesOfColouredText_ParsesQuickly()
    {
        var summary = Timed(() => TerraformLogParser.Parse(Repeat(LogSamples.Terraform("plan_color.txt"))));

        summary.Format.ShouldBe("text");
        summary.Changes.Count.ShouldBe(4);
    }

    [Fact]
    public void AnsibleParse_TenMegabytesOfText_ParsesQuickly()
    {
        var summary = Timed(() => AnsibleLogParser.Parse(Repeat(LogSamples.Ansible("text_success.txt"))));

        summary.Format.ShouldBe("text");
        summary.Hosts.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("{x}\n")]
    [InlineData("{")]
    [InlineData("[")]
    [InlineData("\u001b[")]
    [InlineData("aws_instance.web[\"")]
    [InlineData("# a.b will be ")]
    public void Parse_TenMegabytesOfHostileInput_FailsOrFinishesQuickly(string unit)
    {
        var input = Repeat(unit);

        Timed(() => Parses(() => TerraformLogParser.Parse(input)));
        Timed(() => Parses(() => AnsibleLogParser.Parse(input)));
    }

    private static bool Parses(Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (LogParseException)
        {
            return false;
        }
    }

    private static T Timed<T>(Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Elapsed.ShouldBeLessThan(Bound);
        return result;
    }

    private static string Repeat(string unit)
    {
        var builder = new StringBuilder(TenMegabytes + unit.Length);
        while (builder.Length < TenMegabytes)
        {
            builder.Append(unit);
            if (unit.Length > 100 && !unit.EndsWith('\n'))
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}
