namespace IacPlatform.State.Runs;

public enum JobOperation
{
    Apply,
    Destroy,
}
