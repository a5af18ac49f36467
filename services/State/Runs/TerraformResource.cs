namespace IacPlatform.State.Runs;

/// <summary>
/// A cloud resource the platform provisions with Terraform: what was asked for (provider, type, configuration),
/// the workspace that holds its state, where it stands, and the outputs of its last successful apply.
/// </summary>
public sealed class TerraformResource
{
    public const int MaxNameLength = 63;

    private TerraformResource()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Provider { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The Terraform resource type it maps to (e.g. <c>aws_instance</c>).</summary>
    public string TerraformType { get; private set; } = "";

    /// <summary>The configuration as given: a JSON object of scalars and arrays of scalars.</summary>
    public string Configuration { get; private set; } = "{}";

    /// <summary>A one-line description (e.g. "t3.medium EC2 instance in us-east-1").</summary>
    public string Details { get; private set; } = "";

    /// <summary>The State workspace (Terraform http backend) that holds this resource's state.</summary>
    public string Workspace { get; private set; } = "";

    public ResourceStatus Status { get; private set; }

    /// <summary>JSON object of the outputs of the last successful apply, sensitive values masked.</summary>
    public string? Outputs { get; private set; }

    public Guid? LastJobId { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsBusy => Status is ResourceStatus.Provisioning or ResourceStatus.Destroying;

    public static TerraformResource Create(
        ResourceSpec spec, string configuration, Guid? createdBy, string createdByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = Guid.CreateVersion7(now);
        return new TerraformResource
        {
            Id = id,
            Name = spec.Name,
            Provider = spec.Kind.Provider,
            Type = spec.Kind.Type,
            TerraformType = spec.Kind.TerraformType,
            Configuration = configuration,
            Details = spec.Details,
            Workspace = WorkspaceNameFor(spec.Name, id),
            Status = ResourceStatus.Provisioning,
            CreatedBy = createdBy,
            CreatedByName = createdByName,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// <c>tfres-&lt;name&gt;-&lt;12 random hex digits of the id&gt;</c>: never an existing workspace someone else
    /// filled, and a new workspace when a destroyed resource's name is used again.
    /// </summary>
    public static string WorkspaceNameFor(string name, Guid id) => $"tfres-{name}-{id.ToString("N")[^12..]}";

    public void Attach(TerraformJob job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        LastJobId = job.Id;
        Status = job.Operation == JobOperation.Apply ? ResourceStatus.Provisioning : ResourceStatus.Destroying;
        UpdatedAt = now;
    }

    public void Provisioned(string? outputs, DateTimeOffset now)
    {
        Status = ResourceStatus.Active;
        Outputs = outputs;
        UpdatedAt = now;
    }

    public void Destroyed(DateTimeOffset now)
    {
        Status = ResourceStatus.Destroyed;
        Outputs = null;
        UpdatedAt = now;
    }

    public void Failed(DateTimeOffset now)
    {
        Status = ResourceStatus.Failed;
        UpdatedAt = now;
    }
}
