namespace IacPlatform.Inventory.Domain;

/// <summary>
/// A resource as it was from <see cref="RecordedAt"/> until the next entry: the full snapshot, what changed and
/// why. <c>as_of</c> reads take the last entry at or before the instant.
/// </summary>
public sealed class ResourceHistoryEntry
{
    private ResourceHistoryEntry()
    {
    }

    public long Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public long Version { get; private set; }

    /// <summary>discovered, changed, removed, restored, tags_updated.</summary>
    public string Change { get; private set; } = "";

    public List<string> ChangedFields { get; private set; } = [];

    public string Name { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string Region { get; private set; } = "";

    public string Tags { get; private set; } = "{}";

    public string Attributes { get; private set; } = "{}";

    public Guid? SyncJobId { get; private set; }

    /// <summary>Who caused it: "sync" or the user's name.</summary>
    public string Actor { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static ResourceHistoryEntry TagsUpdated(Resource resource, IEnumerable<string> changedTags, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new()
        {
            ResourceId = resource.Id,
            Version = resource.Version,
            Change = HistoryChanges.TagsUpdated,
            ChangedFields = [.. changedTags.Select(tag => "tags." + tag)],
            Name = resource.Name,
            Status = resource.Status,
            Region = resource.Region,
            Tags = resource.Tags,
            Attributes = resource.Attributes,
            Actor = actor,
            RecordedAt = now,
        };
    }
}
