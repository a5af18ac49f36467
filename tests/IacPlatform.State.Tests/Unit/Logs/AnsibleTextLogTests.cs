using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class AnsibleTextLogTests
{
    [Fact]
    public void Parse_TextSuccess_MatchesTheJsonCallbackOfTheSameRun()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("text_success.txt"));

        summary.Format.ShouldBe("text");
        summary.Status.ShouldBe("success");
        summary.DurationSeconds.ShouldBeNull();
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("Deploy web application", "success", 9, 5, 0)]);
        summary.Hosts.ShouldBe(
        [
            new AnsibleHostSummary("web-server-1", "success", 9, 5, 0, false),
            new AnsibleHostSummary("web-server-2", "success", 9, 4, 0, false),
        ]);
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(83.3, null, 100.0));
    }

    [Fact]
    public void Parse_LogPathFile_TakesDurationFromLinePrefixes()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("text_success_log_path.log"));

        summary.DurationSeconds.ShouldBe(5.775);
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("Deploy web application", "success", 9, 5, 0)]);
        summary.Hosts.Select(h => h.TaskCount).ShouldBe([9, 9]);
    }

    [Fact]
    public void Parse_ColouredTextFailure_HonoursIgnoringAndRecap()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("text_failed_color.txt"));

        summary.Status.ShouldBe("failed");
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("Migrate database schema", "failed", 4, 3, 1)]);
        summary.Hosts.ShouldBe(
        [
            new AnsibleHostSummary("web-server-1", "success", 4, 3, 0, false),
            new AnsibleHostSummary("web-server-2", "failed", 3, 1, 1, false),
        ]);
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(85.7, null, 85.7));
    }

    [Fact]
    public void Parse_TextUnreachable_IsUnreachable()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("text_unreachable.txt"));

        summary.Status.ShouldBe("unreachable");
        summary.Playbooks.Select(p => (p.Name, p.Status, p.TaskCount)).ShouldBe(
            [("Baseline all servers", "unreachable", 3), ("Configure database", "success", 0)]);
        summary.Hosts[0].ShouldBe(new AnsibleHostSummary("db-server-1", "unreachable", 1, 0, 0, true));
    }

    [Fact]
    public void Parse_RecapOnly_ReadsHostsFromTheRecap()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("text_recap_only.txt"));

        summary.Status.ShouldBe("success");
        summary.Playbooks.ShouldBeEmpty();
        summary.Hosts.ShouldBe(
        [
            new AnsibleHostSummary("web-server-1", "success", 9, 5, 0, false),
            new AnsibleHostSummary("web-server-2", "success", 9, 4, 0, false),
        ]);
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(83.3, null, 100.0));
    }

    [Fact]
    public void Parse_RecapOnlyWithSourceName_EstimatesThePlaybookFromTheBusiestHost()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("text_recap_only.txt"), "site.yml");

        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("site.yml", "success", 9, 5, 0)]);
    }

    [Fact]
    public void Parse_TextWithoutRecap_CountsLoopItemsOncePerHostAndTask()
    {
        const string log = """
            PLAY [web] *********************************************************************

            TASK [Install packages] ********************************************************
            changed: [web-1] => (item=nginx)
            ok: [web-1] => (item=curl)
            failed: [web-2] (item=nginx) => {"ansible_loop_var": "item", "changed": false, "item": "nginx", "msg": "No package matching 'nginx' is available"}
            ok: [web-2] => (item=curl)

            TASK [Configure] ***************************************************************
            changed: [web-1 -> proxy-1]
            """;

        var summary = AnsibleLogParser.Parse(log);

        summary.Status.ShouldBe("failed");
        summary.Hosts.ShouldBe(
        [
            new AnsibleHostSummary("web-1", "success", 2, 2, 0, false),
            new AnsibleHostSummary("web-2", "failed", 1, 0, 1, false),
        ]);
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("web", "failed", 2, 2, 1)]);
    }

    [Fact]
    public void Parse_TextEndingInAJsonObject_IsStillText()
    {
        var log = LogSamples.Ansible("text_success.txt") + "{\n  \"build\": 42\n}\n";

        var summary = AnsibleLogParser.Parse(log);

        summary.Format.ShouldBe("text");
        summary.Hosts.Count.ShouldBe(2);
    }

    [Fact]
    public void Parse_FatalErrorBeforeAnyPlay_IsFailed()
    {
        var summary = AnsibleLogParser.Parse("ERROR! the playbook: deploy.yml could not be found\n");

        summary.Status.ShouldBe("failed");
        summary.Hosts.ShouldBeEmpty();
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(0, null, 0));
    }
}
