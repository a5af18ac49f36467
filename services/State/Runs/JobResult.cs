namespace IacPlatform.State.Runs;

/// <summary>How a job ended; <paramref name="Outputs"/> is the masked outputs JSON of a successful apply.</summary>
internal sealed record JobResult(bool Succeeded, int? ExitCode, string Message, string? Outputs = null)
{
    public static JobResult Failure(int? exitCode, string message) => new(false, exitCode, message);
}
