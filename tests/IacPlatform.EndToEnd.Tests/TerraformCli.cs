using System.Diagnostics;
using System.Text;

namespace IacPlatform.EndToEnd.Tests;

/// <summary>The real Terraform CLI, run in a temporary working directory against the gateway's http backend.</summary>
internal sealed class TerraformCli : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iacp-tf-").FullName;
    private readonly Dictionary<string, string> _environment;

    public TerraformCli(string password)
    {
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TF_HTTP_PASSWORD"] = password,
            ["TF_IN_AUTOMATION"] = "1",
            ["CHECKPOINT_DISABLE"] = "1",
            ["TF_CLI_CONFIG_FILE"] = Path.Combine(_directory, "none.tfrc"),
            ["HOME"] = _directory,
        };
        File.WriteAllText(Path.Combine(_directory, "none.tfrc"), "");
    }

    /// <summary>The binary, or null when this machine has no Terraform on its PATH.</summary>
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "terraform"))
        .FirstOrDefault(File.Exists);

    public void WriteConfiguration(string hcl) => File.WriteAllText(Path.Combine(_directory, "main.tf"), hcl);

    public async Task<(int ExitCode, string Output)> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("terraform is not installed."))
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, output.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
