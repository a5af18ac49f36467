namespace IacPlatform.State.Logs;

/// <summary>
/// Collects the events of a Terraform run (from the -json stream or from text lines) and turns them into a
/// <see cref="TerraformLogSummary"/>. The summary line Terraform prints at the end is trusted over counting events;
/// counting is the fallback for logs that stop early or end in an error.
/// </summary>
internal sealed class TerraformRunTally
{
    private readonly Dictionary<string, Draft> _changes = new(StringComparer.Ordinal);
    private readonly List<Draft> _order = [];
    private readonly List<string> _modules = [];
    private readonly List<TerraformDiagnostic> _diagnostics = [];
    private readonly TimeRange _time = new();
    private CountLine? _summary;
    private int _completedCreates;
    private int _completedUpdates;
    private int _completedDeletes;
    private bool _applied;
    private bool _planned;
    private bool _refreshed;
    private bool _noChanges;
    private bool _failed;

    public string? TerraformVersion { get; set; }

    /// <summary>True once anything Terraform-specific was recorded; a bare diagnostic does not count.</summary>
    public bool Recognized => _order.Count > 0 || _modules.Count > 0 || _summary is not null || _noChanges || _applied
        || _planned || _refreshed || TerraformVersion is not null;

    public void Observe(DateTimeOffset at) => _time.Observe(at);

    /// <summary>A change from the plan; the planned action wins over what apply progress lines suggest.</summary>
    public void Planned(string address, string? modulePath, string action)
    {
        _planned = true;
        var draft = Touch(address, modulePath, action);
        draft.Action = action;
        draft.FromPlan = true;
    }

    public void ApplyStarted(string address, string? modulePath, string action)
    {
        if (action == "read")
        {
            // Data sources are read during plan as well, through the same hooks; a read changes nothing.
            NoteModule(TerraformModuleNames.Of(modulePath, address));
            return;
        }

        _applied = true;
        var draft = Touch(address, modulePath, action);
        if (!draft.FromPlan && draft.Action != action
            && draft.Action is "create" or "delete" && action is "create" or "delete")
        {
            // Without the plan in the log, a delete and a create of the same instance is a replacement.
            draft.Action = "replace";
        }
    }

    public void ApplyCompleted(string address, string? modulePath, string action)
    {
        ApplyStarted(address, modulePath, action);
        switch (action)
        {
            case "create":
                _completedCreates++;
                break;
            case "update":
                _completedUpdates++;
                break;
            case "delete":
                _completedDeletes++;
                break;
        }
    }

    public void ApplyFailed()
    {
        _applied = true;
        _failed = true;
    }

    public void Refreshed(string address, string? modulePath)
    {
        _refreshed = true;
        NoteModule(TerraformModuleNames.Of(modulePath, address));
    }

    public void PlanSeen() => _planned = true;

    public void NoChanges() => _noChanges = true;

    public void Failed() => _failed = true;

    /// <summary>Terraform's own count line (<c>Plan: ...</c>, <c>Apply complete! ...</c>); the last one wins.</summary>
    public void Summary(string operation, int add, int change, int remove, int? import) =>
        _summary = new CountLine(operation, add, change, remove, import);

    public void Diagnostic(TerraformDiagnostic diagnostic)
    {
        _diagnostics.Add(diagnostic);
        if (diagnostic.Severity == "error")
        {
            _failed = true;
        }
    }

    public TerraformLogSummary Build(string format)
    {
        var operation = Operation();
        var summary = _summary is { } s && s.Operation == operation ? s : null;
        var resources = summary is not null ? Counts(summary.Add, summary.Change, summary.Remove, summary.Import)
            : operation is "apply" or "destroy" ? Counts(_completedCreates, _completedUpdates, _completedDeletes, null)
            : PlannedCounts();
        var status = _failed ? "failed"
            : summary is not null ? (resources.Total + (resources.Imported ?? 0) == 0 ? "no_changes" : "success")
            : _noChanges ? "no_changes"
            : operation == "refresh" ? "success"
            : "in_progress";
        return new TerraformLogSummary(
            format, operation, status, _time.Seconds, resources,
            [.. _order.Select(d => new TerraformChange(d.Address, d.Action, null, null, d.Module))],
            OrderModules(_modules), [.. _diagnostics], TerraformVersion);
    }

    /// <summary>Root first (as the seed shows it), then modules in the order the log mentions them.</summary>
    public static IReadOnlyList<string> OrderModules(IReadOnlyList<string> modules) =>
        modules.Contains(TerraformModuleNames.Root)
            ? [TerraformModuleNames.Root, .. modules.Where(m => m != TerraformModuleNames.Root)]
            : [.. modules];

    public static TerraformResourceCounts Counts(int created, int updated, int destroyed, int? imported) =>
        new(created, updated, destroyed, imported, created + updated + destroyed);

    private string Operation()
    {
        if (_summary is { Operation: "apply" or "destroy" } summary)
        {
            return summary.Operation;
        }

        if (_applied)
        {
            return _order.Count > 0 && _order.All(d => d.Action == "delete") ? "destroy" : "apply";
        }

        if (_summary is not null || _planned || _noChanges)
        {
            return "plan";
        }

        return _refreshed ? "refresh" : "unknown";
    }

    private TerraformResourceCounts PlannedCounts()
    {
        int created = 0, updated = 0, destroyed = 0, imported = 0;
        foreach (var draft in _order)
        {
            created += draft.Action is "create" or "replace" ? 1 : 0;
            updated += draft.Action == "update" ? 1 : 0;
            destroyed += draft.Action is "delete" or "replace" ? 1 : 0;
            imported += draft.Action == "import" ? 1 : 0;
        }

        return Counts(created, updated, destroyed, imported > 0 ? imported : null);
    }

    private Draft Touch(string address, string? modulePath, string action)
    {
        if (!_changes.TryGetValue(address, out var draft))
        {
            draft = new Draft(address, TerraformModuleNames.Of(modulePath, address)) { Action = action };
            _changes.Add(address, draft);
            _order.Add(draft);
            NoteModule(draft.Module);
        }

        return draft;
    }

    private void NoteModule(string module)
    {
        if (!_modules.Contains(module))
        {
            _modules.Add(module);
        }
    }

    private sealed record CountLine(string Operation, int Add, int Change, int Remove, int? Import);

    private sealed class Draft(string address, string module)
    {
        public string Address { get; } = address;

        public string Module { get; } = module;

        public required string Action { get; set; }

        public bool FromPlan { get; set; }
    }
}
