namespace IacPlatform.State.Tests.Unit.Logs;

/// <summary>
/// Real run logs under Testdata/logs: the Terraform ones were produced by Terraform 1.11.4 with the built-in
/// terraform_data resource, the Ansible ones by ansible-core 2.14 (default callback, its log_path file, and
/// ansible.posix.json) against local hosts and one unreachable host; gathered facts were trimmed to a few keys.
/// </summary>
internal static class LogSamples
{
    public static string Terraform(string name) => Read("terraform", name);

    public static string Ansible(string name) => Read("ansible", name);

    private static string Read(string tool, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Testdata", "logs", tool, name));
}
