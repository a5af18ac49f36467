namespace IacPlatform.State.Logs;

/// <summary>
/// One host's line of PLAY RECAP (or the json callback's <c>stats</c>). As Ansible counts: <c>Ok</c> includes changed
/// results and ignored failures; <c>Failures</c> excludes ignored and rescued ones.
/// </summary>
internal sealed record AnsibleHostStats(int Ok, int Changed, int Unreachable, int Failures, int Skipped, int Rescued, int Ignored);
