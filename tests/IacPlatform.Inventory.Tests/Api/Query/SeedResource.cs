namespace IacPlatform.Inventory.Tests.Api.Query;

/// <summary>A resource row to insert directly; JSON columns are given as text.</summary>
public sealed record SeedResource(string Name)
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Provider { get; init; } = "aws";

    public string Service { get; init; } = "ec2";

    public string Region { get; init; } = "us-east-1";

    public string Type { get; init; } = "aws_instance";

    public string Category { get; init; } = "vm";

    public string? NativeId { get; init; }

    public string Status { get; init; } = "running";

    public string Tags { get; init; } = "{}";

    public string Attributes { get; init; } = "{}";

    public long Version { get; init; } = 1;

    public DateTimeOffset FirstSeenAt { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }

    public DateTimeOffset? RemovedAt { get; init; }
}
