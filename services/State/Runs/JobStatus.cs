namespace IacPlatform.State.Runs;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
