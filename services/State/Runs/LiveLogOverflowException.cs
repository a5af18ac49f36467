namespace IacPlatform.State.Runs;

/// <summary>A live-log reader did not keep up and was dropped.</summary>
public sealed class LiveLogOverflowException : Exception
{
    public LiveLogOverflowException()
        : base($"The reader fell more than {LiveLog.SubscriberBuffer} lines behind the job's output.")
    {
    }

    public LiveLogOverflowException(string message)
        : base(message)
    {
    }

    public LiveLogOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
