using System.Text.Json;
using IacPlatform.State.Runs;

namespace IacPlatform.State.Features.TerraformResources;

public sealed record JobSummary(Guid Id, string Operation, string Status, string? Message, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

public sealed record ResourceResponse(
    Guid Id, string Name, string Provider, string Type, string TerraformType, string Status, string Details, string Workspace,
    JsonElement Configuration, JsonElement? TerraformOutput, JobSummary? LastJob, Guid? CreatedBy, string CreatedByName,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ResourceList(IReadOnlyList<ResourceResponse> Resources, long Total, int Limit, int Offset);

/// <summary>The 202 answer to a create or destroy: <c>task_id</c> is the job, also in <c>Location</c>.</summary>
public sealed record ResourceAccepted(Guid Id, string Name, string Provider, string Type, string Status, Guid TaskId, string Message);

public sealed record JobResponse(
    Guid Id, Guid ResourceId, string Operation, string Status, string Workspace, int? ExitCode, string? Message,
    Guid? CreatedBy, string CreatedByName, long LogBytes, bool LogTruncated, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

internal static class ResourceMapping
{
    public static string JobLocation(Guid jobId) => $"/api/v1/terraform/jobs/{jobId}";

    public static string Name(this ResourceStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(this JobStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(this JobOperation operation) => operation.ToString().ToLowerInvariant();

    public static ResourceResponse ToResponse(this TerraformResource resource, TerraformJob? lastJob) => new(
        resource.Id, resource.Name, resource.Provider, resource.Type, resource.TerraformType, resource.Status.Name(), resource.Details,
        resource.Workspace, Parse(resource.Configuration), resource.Outputs is null ? null : Parse(resource.Outputs),
        lastJob is null ? null : new JobSummary(lastJob.Id, lastJob.Operation.Name(), lastJob.Status.Name(), lastJob.Message, lastJob.StartedAt,
            lastJob.FinishedAt),
        resource.CreatedBy, resource.CreatedByName, resource.CreatedAt, resource.UpdatedAt);

    public static ResourceAccepted Accepted(this TerraformResource resource, TerraformJob job, string message) => new(
        resource.Id, resource.Name, resource.Provider, resource.Type, resource.Status.Name(), job.Id, message);

    public static JobResponse ToResponse(this TerraformJob job) => new(
        job.Id, job.ResourceId, job.Operation.Name(), job.Status.Name(), job.Workspace, job.ExitCode, job.Message, job.CreatedBy,
        job.CreatedByName, job.LogBytes, job.LogTruncated, job.CreatedAt, job.StartedAt, job.FinishedAt);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
