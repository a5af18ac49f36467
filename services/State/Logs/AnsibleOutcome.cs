namespace IacPlatform.State.Logs;

/// <summary>How one task ended on one host, in increasing precedence when a loop reports several items.</summary>
internal enum AnsibleOutcome
{
    Skipped,
    Ok,

    /// <summary>Failed, but the play carried on (<c>ignore_errors</c>, or a <c>rescue</c> took over): Ansible counts it ok.</summary>
    Ignored,
    Failed,
    Unreachable,
}
