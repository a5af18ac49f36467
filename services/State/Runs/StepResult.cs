namespace IacPlatform.State.Runs;

/// <summary>A command's exit code, the first error it reported, and its change summary.</summary>
internal sealed record StepResult(int ExitCode, string? Error, string? Summary);
