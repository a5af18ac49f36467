namespace IacPlatform.AppHost.Orchestration;

/// <summary>Every resource the ops page shows, in start order, plus the one-time admin password banner.</summary>
internal sealed class ResourceRegistry
{
    private readonly List<ResourceStatus> _resources = [];
    private readonly Lock _lock = new();
    private string? _banner;

    public void Add(ResourceStatus status)
    {
        lock (_lock)
        {
            _resources.Add(status);
        }
    }

    public IReadOnlyList<ResourceStatus> Snapshot()
    {
        lock (_lock)
        {
            return [.. _resources];
        }
    }

    public void SetBanner(string banner) => Interlocked.Exchange(ref _banner, banner);

    /// <summary>The banner, once: whoever takes it first shows it; afterwards it is gone.</summary>
    public string? TakeBanner() => Interlocked.Exchange(ref _banner, null);

    /// <summary>Probes the health of every running resource until cancelled.</summary>
    public async Task MonitorHealthAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            foreach (var status in Snapshot().Where(s => s.HealthProbe is not null && s.State is "running" or "external"))
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    status.Health = await status.HealthProbe!(timeout.Token) ? "healthy" : "unhealthy";
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    status.Health = "unhealthy";
                }
            }
        }
    }
}
