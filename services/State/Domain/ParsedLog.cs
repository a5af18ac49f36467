namespace IacPlatform.State.Domain;

/// <summary>A Terraform or Ansible run log that was uploaded and summarised (seed 003); the summary is kept, not the log.</summary>
public sealed class ParsedLog
{
    private ParsedLog()
    {
    }

    public Guid Id { get; private set; }

    /// <summary><c>terraform</c> or <c>ansible</c>.</summary>
    public string Tool { get; private set; } = "";

    public string Format { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string? SourceName { get; private set; }

    public long Size { get; private set; }

    /// <summary>The summary as JSON (snake_case), exactly as the API answered when the log was parsed.</summary>
    public string Summary { get; private set; } = "{}";

    public Guid? CreatedBy { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static ParsedLog Create(
        string tool, string format, string status, string? sourceName, long size, string summary, Author author, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Tool = tool,
            Format = format,
            Status = status,
            SourceName = sourceName,
            Size = size,
            Summary = summary,
            CreatedBy = author.UserId,
            CreatedByName = author.Name,
            CreatedAt = now,
        };
}
