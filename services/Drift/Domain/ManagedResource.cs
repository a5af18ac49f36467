namespace IacPlatform.Drift.Domain;

/// <summary>
/// A resource instance of a workspace's current state, as Drift keeps it to check single resources without asking
/// State again: replaced whenever a new state version of the workspace is read.
/// </summary>
public sealed class ManagedResource
{
    private ManagedResource()
    {
    }

    public string Workspace { get; private set; } = string.Empty;

    public string Address { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public string NativeId { get; private set; } = string.Empty;

    public string Provider { get; private set; } = string.Empty;

    /// <summary>The instance's attributes as JSON text (jsonb).</summary>
    public string Attributes { get; private set; } = "{}";

    public long Serial { get; private set; }
}
