namespace IacPlatform.State.Runs;

/// <summary>A batch of a job's output lines, in order: the kept log is the chunks joined by sequence.</summary>
public sealed class JobLogChunk
{
    private JobLogChunk()
    {
    }

    public Guid JobId { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>Whole lines, each ending in a newline.</summary>
    public string Text { get; private set; } = "";

    public static JobLogChunk Create(Guid jobId, int sequence, string text) => new() { JobId = jobId, Sequence = sequence, Text = text };
}
