namespace IacPlatform.State.Runs;

/// <summary>The Terraform commands of one job: same binary, directory and environment; each line to the job's output.</summary>
internal sealed class Step(string executable, string directory, IReadOnlyDictionary<string, string> environment, JobOutput output, CancellationToken cancellationToken)
{
    public async Task<StepResult> ExecuteAsync(IReadOnlyList<string> arguments, Action<string>? captureStdout = null)
    {
        output.Write($"[iacplatform] $ {Path.GetFileName(executable)} {string.Join(' ', arguments)}");
        var gate = new Lock();
        string? error = null;
        string? summary = null;
        void Observe(string line)
        {
            output.Write(line);
            var found = TerraformLines.ErrorSummary(line);
            var change = found is null ? TerraformLines.ChangeSummary(line) : null;
            lock (gate)
            {
                error ??= found;
                summary = change ?? summary;
            }
        }

        var exitCode = await TerraformProcess.RunAsync(
            executable, arguments, directory, environment, captureStdout ?? Observe, Observe, cancellationToken);
        lock (gate)
        {
            return new StepResult(exitCode, error, summary);
        }
    }
}
