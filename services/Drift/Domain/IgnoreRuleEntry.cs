namespace IacPlatform.Drift.Domain;

/// <summary>
/// An ignore rule as stored: differences of matching resources at matching attribute paths are kept apart and do
/// not count, in one workspace or everywhere, until the rule expires.
/// </summary>
public sealed class IgnoreRuleEntry
{
    private IgnoreRuleEntry()
    {
    }

    public Guid Id { get; private set; }

    public string? Workspace { get; private set; }

    public string AddressPattern { get; private set; } = string.Empty;

    public string AttributePath { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string Author { get; private set; } = string.Empty;

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static IgnoreRuleEntry Create(
        string? workspace, string addressPattern, string attributePath, string reason, string author,
        DateTimeOffset? expiresAt, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Workspace = workspace,
            AddressPattern = addressPattern,
            AttributePath = attributePath,
            Reason = reason,
            Author = author,
            ExpiresAt = expiresAt,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void Update(string? workspace, string addressPattern, string attributePath, string reason, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        Workspace = workspace;
        AddressPattern = addressPattern;
        AttributePath = attributePath;
        Reason = reason;
        ExpiresAt = expiresAt;
        UpdatedAt = now;
    }

    public bool IsActive(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;

    public Engine.IgnoreRule ToRule() => new(Id, Workspace, AddressPattern, AttributePath, Reason, Author, ExpiresAt);
}
