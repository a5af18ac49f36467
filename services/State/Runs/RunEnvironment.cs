namespace IacPlatform.State.Runs;

/// <summary>
/// The environment a run's Terraform gets. Not this process's whole environment (that holds the database
/// connection string and the state encryption keys): only what Terraform and cloud providers read, then
/// State:Runs:Environment, then the backend settings and the job token.
/// </summary>
public static class RunEnvironment
{
    private static readonly string[] Names =
    [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    ];

    private static readonly string[] Prefixes = ["TF_", "AWS_", "ARM_", "AZURE_", "GOOGLE_", "CLOUDSDK_"];

    /// <summary>Never passed through: TF_LOG can print requests, TF_HTTP_* would override this run's backend.</summary>
    private static readonly string[] Withheld = ["TF_LOG", "TF_HTTP_"];

    public static Dictionary<string, string> Build(
        IReadOnlyDictionary<string, string?> inherited, RunOptions options, Uri stateAddress, Uri lockAddress, string token, string homeFallback)
    {
        ArgumentNullException.ThrowIfNull(inherited);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stateAddress);
        ArgumentNullException.ThrowIfNull(lockAddress);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in inherited)
        {
            if (value is not null && (Names.Contains(name, StringComparer.Ordinal) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                && !Withheld.Any(w => name.StartsWith(w, StringComparison.Ordinal)))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }

        if (options.Path is { } path)
        {
            environment["PATH"] = path;
        }

        if (!environment.ContainsKey("HOME"))
        {
            environment["HOME"] = homeFallback;
        }

        environment["TF_IN_AUTOMATION"] = "1";
        environment["TF_INPUT"] = "0";
        environment["CHECKPOINT_DISABLE"] = "1";
        environment["TF_HTTP_ADDRESS"] = stateAddress.AbsoluteUri;
        environment["TF_HTTP_LOCK_ADDRESS"] = lockAddress.AbsoluteUri;
        environment["TF_HTTP_UNLOCK_ADDRESS"] = lockAddress.AbsoluteUri;
        environment["TF_HTTP_USERNAME"] = MainTf.BackendUsername;
        environment["TF_HTTP_PASSWORD"] = token;
        return environment;
    }
}
