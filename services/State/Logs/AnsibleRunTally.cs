namespace IacPlatform.State.Logs;

/// <summary>
/// Collects plays, tasks, per-host results and the recap of an ansible-playbook run (from either format) and turns
/// them into an <see cref="AnsibleLogSummary"/>. Coverage is computed over host-task results:
/// <list type="bullet">
/// <item><c>automation_score</c> = 100 × (ok + changed) ÷ all results, where all results also include failed,
/// unreachable, skipped and rescued ones: the share of the planned work that automation actually carried out. Skipped
/// tasks lower it (that automation did not run), so it is at most the success rate.</item>
/// <item><c>success_rate</c> = 100 × (results that neither failed nor were unreachable) ÷ all results.</item>
/// <item><c>module_diversity</c> = distinct modules used, <c>ansible.builtin.</c>/<c>ansible.legacy.</c> prefixes
/// dropped; only the json callback names modules.</item>
/// </list>
/// Both percentages are 0 for a run without results, rounded to one decimal.
/// </summary>
internal sealed class AnsibleRunTally
{
    private readonly List<Play> _plays = [];
    private readonly Dictionary<string, AnsibleHostStats> _stats = new(StringComparer.Ordinal);
    private readonly HashSet<string> _modules = new(StringComparer.Ordinal);
    private readonly TimeRange _time = new();
    private PlayTask? _currentTask;
    private Result? _lastFailure;
    private bool _modulesKnown;
    private bool _fatalError;

    public bool Recognized => _plays.Count > 0 || _stats.Count > 0 || _fatalError;

    public void Observe(DateTimeOffset at) => _time.Observe(at);

    public void StartPlay(string name)
    {
        _plays.Add(new Play(name));
        _currentTask = null;
    }

    /// <summary>
    /// Starts a task, or returns to it when <paramref name="id"/> was seen before in this play: under the free
    /// strategy the json callback writes one entry per host for the same task.
    /// </summary>
    public void StartTask(string name, string? id = null)
    {
        var play = CurrentPlay();
        if (id is not null && play.TasksById.TryGetValue(id, out var seen))
        {
            _currentTask = seen;
            return;
        }

        _currentTask = new PlayTask(name);
        play.Tasks.Add(_currentTask);
        if (id is not null)
        {
            play.TasksById[id] = _currentTask;
        }
    }

    public void Record(string host, AnsibleOutcome outcome, bool changed, string? module = null)
    {
        if (_currentTask is null)
        {
            StartTask("(unnamed task)");
        }

        var results = _currentTask!.Results;
        if (!results.TryGetValue(host, out var result))
        {
            result = new Result();
            results.Add(host, result);
        }

        result.Outcome = outcome > result.Outcome ? outcome : result.Outcome;
        result.Changed |= changed;
        _lastFailure = outcome == AnsibleOutcome.Failed ? result : _lastFailure;
        if (module is not null)
        {
            _modulesKnown = true;
            _modules.Add(ModuleName(module));
        }
    }

    /// <summary>The default callback's <c>...ignoring</c> after a failure.</summary>
    public void IgnoreLastFailure()
    {
        if (_lastFailure is { Outcome: AnsibleOutcome.Failed } failure)
        {
            failure.Outcome = AnsibleOutcome.Ignored;
        }
    }

    public void Stats(string host, AnsibleHostStats stats) => _stats[host] = stats;

    /// <summary>An <c>ERROR!</c> that stopped ansible-playbook itself (syntax error, missing file).</summary>
    public void FatalError() => _fatalError = true;

    public AnsibleLogSummary Build(string format, string? sourceName)
    {
        ResolveIgnoredFailures();
        var hosts = Hosts();
        var failed = _fatalError || hosts.Exists(h => h.Failed > 0) || _plays.Exists(p => p.Status == "failed");
        var status = failed ? "failed" : hosts.Exists(h => h.Unreachable > 0) ? "unreachable" : "success";
        int total = hosts.Sum(h => h.Tasks), ok = hosts.Sum(h => h.Ok);
        var notFailed = total - hosts.Sum(h => h.Failed) - hosts.Sum(h => h.Unreachable);
        var coverage = new AnsibleCoverageAnalysis(
            Percent(ok, total), _modulesKnown ? _modules.Count : null, Percent(notFailed, total));
        return new AnsibleLogSummary(
            format, status, _time.Seconds, Playbooks(sourceName, status, hosts),
            [.. hosts.Select(h => new AnsibleHostSummary(
                h.Name, h.Unreachable > 0 ? "unreachable" : h.Failed > 0 ? "failed" : "success",
                h.Tasks, h.Changed, h.Failed, h.Unreachable > 0))],
            coverage);
    }

    private List<AnsiblePlaybookSummary> Playbooks(string? sourceName, string status, List<HostCounts> hosts)
    {
        if (string.IsNullOrWhiteSpace(sourceName))
        {
            return [.. _plays.Select(p => new AnsiblePlaybookSummary(
                p.Name, p.Status, p.Tasks.Count, p.ChangedTasks, p.FailedTasks))];
        }

        // The upload's file name may carry a client-side path, with either separator.
        var name = sourceName.Trim();
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        if (_plays.Count > 0)
        {
            return [new AnsiblePlaybookSummary(
                name, status, _plays.Sum(p => p.Tasks.Count), _plays.Sum(p => p.ChangedTasks), _plays.Sum(p => p.FailedTasks))];
        }

        // Only a recap: the busiest host is the best estimate of the playbook's size.
        return [new AnsiblePlaybookSummary(
            name, status, Max(hosts, h => h.Tasks), Max(hosts, h => h.Changed), Max(hosts, h => h.Failed))];
    }

    /// <summary>
    /// The json callback records an ignored failure exactly like a real one. Ansible's recap knows the difference:
    /// with it, a host's last N failures are the real ones (a real failure ends the host's play). Without it, a
    /// failure after which the host still ran tasks in the same play was ignored or rescued.
    /// </summary>
    private void ResolveIgnoredFailures()
    {
        var failures = new Dictionary<string, List<(Result Result, bool RanLater)>>(StringComparer.Ordinal);
        foreach (var play in _plays)
        {
            var lastTask = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < play.Tasks.Count; i++)
            {
                foreach (var host in play.Tasks[i].Results.Keys)
                {
                    lastTask[host] = i;
                }
            }

            for (var i = 0; i < play.Tasks.Count; i++)
            {
                foreach (var (host, result) in play.Tasks[i].Results)
                {
                    if (result.Outcome != AnsibleOutcome.Failed)
                    {
                        continue;
                    }

                    if (!failures.TryGetValue(host, out var list))
                    {
                        list = [];
                        failures.Add(host, list);
                    }

                    list.Add((result, i < lastTask[host]));
                }
            }
        }

        foreach (var (host, list) in failures)
        {
            var real = _stats.TryGetValue(host, out var stats) ? stats.Failures : -1;
            for (var k = 0; k < list.Count; k++)
            {
                var isReal = real >= 0 ? k >= list.Count - real : !list[k].RanLater;
                list[k].Result.Outcome = isReal ? AnsibleOutcome.Failed : AnsibleOutcome.Ignored;
            }
        }
    }

    private List<HostCounts> Hosts()
    {
        var names = new SortedSet<string>(_stats.Keys, StringComparer.Ordinal);
        foreach (var task in _plays.SelectMany(p => p.Tasks))
        {
            names.UnionWith(task.Results.Keys);
        }

        var hosts = new List<HostCounts>();
        foreach (var name in names)
        {
            if (_stats.TryGetValue(name, out var s))
            {
                hosts.Add(new HostCounts(
                    name, s.Ok + s.Failures + s.Unreachable + s.Skipped + s.Rescued, s.Ok, s.Changed, s.Failures, s.Unreachable));
                continue;
            }

            var results = _plays.SelectMany(p => p.Tasks).Select(t => t.Results.GetValueOrDefault(name)).OfType<Result>().ToList();
            hosts.Add(new HostCounts(
                name, results.Count, results.Count(r => r.Succeeded), results.Count(r => r.Succeeded && r.Changed),
                results.Count(r => r.Outcome == AnsibleOutcome.Failed), results.Count(r => r.Outcome == AnsibleOutcome.Unreachable)));
        }

        return hosts;
    }

    private Play CurrentPlay()
    {
        if (_plays.Count == 0)
        {
            _plays.Add(new Play("(unnamed play)"));
        }

        return _plays[^1];
    }

    private static string ModuleName(string module) =>
        module.StartsWith("ansible.builtin.", StringComparison.Ordinal) ? module["ansible.builtin.".Length..]
        : module.StartsWith("ansible.legacy.", StringComparison.Ordinal) ? module["ansible.legacy.".Length..]
        : module;

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    private static int Max(List<HostCounts> hosts, Func<HostCounts, int> count) => hosts.Count == 0 ? 0 : hosts.Max(count);

    private sealed record HostCounts(string Name, int Tasks, int Ok, int Changed, int Failed, int Unreachable);

    private sealed class Result
    {
        public AnsibleOutcome Outcome { get; set; }

        public bool Changed { get; set; }

        public bool Succeeded => Outcome is AnsibleOutcome.Ok or AnsibleOutcome.Ignored;
    }

    private sealed class PlayTask(string name)
    {
        public string Name { get; } = name;

        public Dictionary<string, Result> Results { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Play(string name)
    {
        public string Name { get; } = name;

        public List<PlayTask> Tasks { get; } = [];

        public Dictionary<string, PlayTask> TasksById { get; } = new(StringComparer.Ordinal);

        public int ChangedTasks => Tasks.Count(t => t.Results.Values.Any(r => r.Succeeded && r.Changed));

        public int FailedTasks => Tasks.Count(t => t.Results.Values.Any(r => r.Outcome == AnsibleOutcome.Failed));

        public string Status =>
            Tasks.Exists(t => t.Results.Values.Any(r => r.Outcome == AnsibleOutcome.Failed)) ? "failed"
            : Tasks.Exists(t => t.Results.Values.Any(r => r.Outcome == AnsibleOutcome.Unreachable)) ? "unreachable"
            : "success";
    }
}
