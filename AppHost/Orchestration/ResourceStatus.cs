using IacPlatform.AppHost.Infrastructure;

namespace IacPlatform.AppHost.Orchestration;

/// <summary>What the ops page shows about one resource; written by supervisors, read by the page.</summary>
internal sealed class ResourceStatus(string name, string type, ResourceLog log)
{
    private volatile string _state = "pending";
    private volatile string _health = "unknown";
    private volatile IReadOnlyList<string> _endpoints = [];
    private volatile string? _message;
    private int _restarts;

    public string Name { get; } = name;

    public string Type { get; } = type;

    public ResourceLog Log { get; } = log;

    public string State { get => _state; set => _state = value; }

    public string Health { get => _health; set => _health = value; }

    public IReadOnlyList<string> Endpoints { get => _endpoints; set => _endpoints = value; }

    public string? Message { get => _message; set => _message = value; }

    public int RestartCount => Volatile.Read(ref _restarts);

    public int? ProcessId { get; set; }

    public Func<CancellationToken, Task<bool>>? HealthProbe { get; set; }

    public void CountRestart() => Interlocked.Increment(ref _restarts);
}
