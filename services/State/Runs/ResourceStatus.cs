namespace IacPlatform.State.Runs;

/// <summary>provisioning → active | failed; (active | failed) → destroying → destroyed | failed.</summary>
public enum ResourceStatus
{
    Provisioning,
    Active,
    Failed,
    Destroying,
    Destroyed,
}
