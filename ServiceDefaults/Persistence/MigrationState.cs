namespace IacPlatform.ServiceDefaults.Persistence;

/// <summary>Whether the schema is ready; readiness stays red until migrations have run.</summary>
internal sealed class MigrationState<TDb>
{
    private volatile bool _ready;

    public bool Ready => _ready;

    public void MarkReady() => _ready = true;
}
