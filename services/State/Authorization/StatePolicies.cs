namespace IacPlatform.State;

/// <summary>State's own authorization policies and authentication scheme names.</summary>
public static class StatePolicies
{
    /// <summary>The http backend: platform JWTs, or a platform run's job token (HTTP Basic) for its own workspace only.</summary>
    public const string Backend = "state-backend";

    /// <summary>Basic credentials a platform run gives the Terraform it starts (username <c>job</c>).</summary>
    public const string JobTokenScheme = "TerraformJob";

    /// <summary>The workspace a job token is limited to.</summary>
    public const string WorkspaceClaim = "iacp_workspace";
}
