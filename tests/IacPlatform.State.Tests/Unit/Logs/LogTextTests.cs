using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("\u001b[0m\u001b[1mPlan:\u001b[0m 1 to add  ", "Plan: 1 to add")]
    [InlineData("\u001b[31m│\u001b[0m \u001b[0m\u001b[1m\u001b[31mError: \u001b[0mboom", "│ Error: boom")]
    [InlineData("\u001b]8;;https://example.test\u0007link\u001b]8;;\u001b\\ text", "link text")]
    [InlineData("\u001b[?25lhidden cursor\u001b[?25h", "hidden cursor")]
    [InlineData("\u001b(B\u001b[mcharset", "charset")]
    [InlineData("unfinished \u001b[1", "unfinished")]
    [InlineData("plain", "plain")]
    public void Clean_AnsiSequences_AreRemoved(string line, string expected)
    {
        LogText.Clean(line).ShouldBe(expected);
    }

    [Theory]
    [InlineData("[2024-02-11 22:00:15] aws_instance.web: Creating...", "2024-02-11T22:00:15+00:00", "aws_instance.web: Creating...")]
    [InlineData("2024-02-11T22:00:15.5000000Z Plan: 1 to add", "2024-02-11T22:00:15.5+00:00", "Plan: 1 to add")]
    [InlineData("2024-02-11 22:00:15,250 p=42 u=deploy n=ansible | TASK [x] ***", "2024-02-11T22:00:15.25+00:00", "TASK [x] ***")]
    [InlineData("2024-02-11 22:00:15,250 p=42 u=deploy n=ansible INFO| ok: [web-1]", "2024-02-11T22:00:15.25+00:00", "ok: [web-1]")]
    public void TryReadTimestamp_KnownPrefixes_SplitStampFromText(string line, string at, string rest)
    {
        LogText.TryReadTimestamp(line, out var stamp, out var text).ShouldBeTrue();

        stamp.ShouldBe(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        text.ShouldBe(rest);
    }

    [Theory]
    [InlineData("[WARNING]: something odd happened here")]
    [InlineData("2024 was a good year for infrastructure")]
    [InlineData("module.a.aws_instance.b: Creating...")]
    public void TryReadTimestamp_NoPrefix_LeavesLineAlone(string line)
    {
        LogText.TryReadTimestamp(line, out _, out var rest).ShouldBeFalse();

        rest.ShouldBe(line);
    }
}
