namespace IacPlatform.State.Logs;

/// <summary>What one ansible-playbook run log says happened (seed 003, POST /api/v1/ansible/parse-logs).</summary>
/// <param name="Format"><c>json</c> (the json stdout callback) or <c>text</c> (the default callback, or its log_path file).</param>
/// <param name="Status"><c>failed</c> when any host failed, else <c>unreachable</c> when any host was unreachable, else <c>success</c>.</param>
/// <param name="DurationSeconds">From the first to the last timestamp in the log; null when it has fewer than two.</param>
internal sealed record AnsibleLogSummary(
    string Format,
    string Status,
    double? DurationSeconds,
    IReadOnlyList<AnsiblePlaybookSummary> Playbooks,
    IReadOnlyList<AnsibleHostSummary> Hosts,
    AnsibleCoverageAnalysis CoverageAnalysis);

/// <summary>
/// One play, or the whole playbook under the uploaded file's name when the caller gives it. Counts are of tasks:
/// a task is changed when it changed any host, failed when it failed on any host (ignored and rescued errors do not count).
/// </summary>
internal sealed record AnsiblePlaybookSummary(string Name, string Status, int TaskCount, int ChangedCount, int FailedCount);

/// <summary>
/// One host, counted as Ansible's PLAY RECAP counts it when the log has the recap (ok + failed + unreachable + skipped
/// + rescued task results), else from the task results in the log.
/// </summary>
internal sealed record AnsibleHostSummary(
    string Name, string Status, int TaskCount, int ChangedCount, int FailedCount, bool Unreachable);

/// <summary>How much of the run's work automation actually carried out; see <see cref="AnsibleRunTally"/> for the formulas.</summary>
/// <param name="AutomationScore">Percent of host-task results that ran to completion (ok or changed).</param>
/// <param name="ModuleDiversity">Distinct modules used; null for text logs, which do not name modules.</param>
/// <param name="SuccessRate">Percent of host-task results that neither failed nor found the host unreachable.</param>
internal sealed record AnsibleCoverageAnalysis(double AutomationScore, int? ModuleDiversity, double SuccessRate);
