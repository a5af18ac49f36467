namespace IacPlatform.State.Runs;

/// <summary>A job this instance took from the queue, with what running it needs from its resource.</summary>
internal sealed record ClaimedJob(
    Guid Id, JobOperation Operation, string Workspace, Guid? CreatedBy, Guid ResourceId, string Name, string Provider, string Type,
    string Configuration);
