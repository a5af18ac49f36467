namespace IacPlatform.AppHost.Infrastructure;

/// <summary>A server the AppHost or a test fixture starts from the locally installed Debian packages.</summary>
internal interface ILocalServer : IAsyncDisposable
{
    string Name { get; }

    ResourceLog Log { get; }

    /// <summary>Admin connection string in the form services receive it.</summary>
    string ConnectionString { get; }

    IReadOnlyList<string> Endpoints { get; }

    bool IsRunning { get; }

    Task StartAsync(CancellationToken ct = default);

    Task StopAsync(CancellationToken ct = default);

    Task<bool> IsHealthyAsync(CancellationToken ct = default);
}
