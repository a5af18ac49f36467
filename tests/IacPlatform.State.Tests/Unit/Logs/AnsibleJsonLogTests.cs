using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class AnsibleJsonLogTests
{
    [Fact]
    public void Parse_JsonCallbackSuccess_SummarizesPlayHostsAndCoverage()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("json_success.json"));

        summary.Format.ShouldBe("json");
        summary.Status.ShouldBe("success");
        summary.DurationSeconds.ShouldBe(5.828);
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("Deploy web application", "success", 9, 5, 0)]);
        summary.Hosts.ShouldBe(
        [
            new AnsibleHostSummary("web-server-1", "success", 9, 5, 0, false),
            new AnsibleHostSummary("web-server-2", "success", 9, 4, 0, false),
        ]);
        // 18 host-task results: 15 ran (ok or changed), 3 skipped; 8 modules from gather_facts to command.
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(83.3, 8, 100.0));
    }

    [Fact]
    public void Parse_JsonCallbackWithSourceName_NamesTheSinglePlaybookAfterTheFile()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("json_success.json"), "uploads/deploy.yml");

        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("deploy.yml", "success", 9, 5, 0)]);
    }

    [Fact]
    public void Parse_JsonCallbackFailure_SeparatesIgnoredFromRealFailures()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("json_failed.json"));

        summary.Status.ShouldBe("failed");
        summary.DurationSeconds.ShouldBe(2.393);
        // "Probe optional cache service" failed on both hosts with ignore_errors; only the migration really failed.
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("Migrate database schema", "failed", 4, 3, 1)]);
        summary.Hosts.ShouldBe(
        [
            new AnsibleHostSummary("web-server-1", "success", 4, 3, 0, false),
            new AnsibleHostSummary("web-server-2", "failed", 3, 1, 1, false),
        ]);
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(85.7, 2, 85.7));
    }

    [Fact]
    public void Parse_JsonCallbackUnreachableHost_IsUnreachable()
    {
        var summary = AnsibleLogParser.Parse(LogSamples.Ansible("json_unreachable.json"));

        summary.Status.ShouldBe("unreachable");
        summary.DurationSeconds.ShouldBe(2.791);
        summary.Playbooks.ShouldBe(
        [
            new AnsiblePlaybookSummary("Baseline all servers", "unreachable", 3, 1, 0),
            new AnsiblePlaybookSummary("Configure database", "success", 0, 0, 0),
        ]);
        summary.Hosts[0].ShouldBe(new AnsibleHostSummary("db-server-1", "unreachable", 1, 0, 0, true));
        summary.Hosts.Count.ShouldBe(3);
        summary.CoverageAnalysis.ShouldBe(new AnsibleCoverageAnalysis(85.7, 3, 85.7));
    }

    [Fact]
    public void Parse_JsonCallbackAfterWarnings_SkipsTheWarnings()
    {
        var log = "[WARNING]: provided hosts list is empty, only localhost is available\n" + LogSamples.Ansible("json_success.json");

        var summary = AnsibleLogParser.Parse(log);

        summary.Format.ShouldBe("json");
        summary.Hosts.Count.ShouldBe(2);
    }

    [Fact]
    public void Parse_JsonCallbackWithoutStats_FallsBackToTaskResults()
    {
        // Older callbacks put the action on the task; a failure after which the host still runs tasks was ignored.
        const string log = """
            {"plays":[{"play":{"name":"p","duration":{"start":"2024-01-15T15:30:00Z","end":"2024-01-15T15:33:00Z"}},"tasks":[
              {"task":{"name":"probe","action":"command"},"hosts":{"h1":{"failed":true,"changed":true}}},
              {"task":{"name":"install","action":"apt"},"hosts":{"h1":{"changed":true}}},
              {"task":{"name":"check","action":"ansible.builtin.uri"},"hosts":{"h1":{"failed":true}}}]}],
             "stats":{}}
            """;

        var summary = AnsibleLogParser.Parse(log);

        summary.DurationSeconds.ShouldBe(180);
        summary.Hosts.ShouldBe([new AnsibleHostSummary("h1", "failed", 3, 2, 1, false)]);
        summary.Playbooks.ShouldBe([new AnsiblePlaybookSummary("p", "failed", 3, 2, 1)]);
        summary.CoverageAnalysis.ModuleDiversity.ShouldBe(3);
    }
}
