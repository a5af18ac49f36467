namespace IacPlatform.State.Tfstate;

/// <summary>
/// The full model of a version 4 state, for reading outputs, resources and attributes (diffs, drift, the UI).
/// Parsing validates exactly as <see cref="TfstateScanner"/> does, with the same messages. Writes go through
/// <see cref="StateEditor"/>, which edits the JSON itself so unknown fields survive.
/// </summary>
internal sealed class TfstateDocument
{
    private IReadOnlyList<string>? _addresses;

    public int Version { get; } = 4;

    public required long Serial { get; init; }

    public required string Lineage { get; init; }

    public string? TerraformVersion { get; init; }

    public required IReadOnlyDictionary<string, TfstateOutput> Outputs { get; init; }

    public required IReadOnlyList<TfstateResource> Resources { get; init; }

    /// <summary><c>check_results</c> (Terraform 1.3+); null when the state has none.</summary>
    public IReadOnlyList<TfstateCheckResult>? CheckResults { get; init; }

    /// <summary>The older <c>checks</c> key; null when the state has none.</summary>
    public IReadOnlyList<TfstateLegacyCheck>? Checks { get; init; }

    public bool HasFailedChecks =>
        (CheckResults?.Any(c => c.Failed) ?? false) || (Checks?.Any(c => c.Failed) ?? false);

    /// <summary>Every object of every resource, deposed ones included, in file order.</summary>
    public IEnumerable<TfstateInstance> Instances => Resources.SelectMany(r => r.Instances);

    /// <summary>Current instances (not deposed objects), as <see cref="TfstateSummary.ResourceCount"/> counts them.</summary>
    public int ResourceCount => Addresses.Count;

    /// <summary>Current instance addresses in file order, as <see cref="TfstateSummary.Addresses"/> lists them.</summary>
    public IReadOnlyList<string> Addresses =>
        _addresses ??= [.. Instances.Where(i => !i.IsDeposed).Select(i => i.Address.ToString())];

    /// <exception cref="TfstateFormatException">The bytes are not a version 4 state.</exception>
    public static TfstateDocument Parse(ReadOnlyMemory<byte> utf8) => TfstateDocumentReader.Read(utf8);

    /// <exception cref="TfstateFormatException">The bytes are not a version 4 state.</exception>
    public static TfstateDocument Parse(byte[] utf8) => TfstateDocumentReader.Read(utf8);

    /// <summary>The current (not deposed) object at <paramref name="address"/>, like <c>aws_instance.web["blue"]</c>.</summary>
    public TfstateInstance? FindInstance(ResourceAddress address) =>
        Instances.FirstOrDefault(i => !i.IsDeposed && i.Address.Equals(address));

    public TfstateInstance? FindInstance(string address) =>
        ResourceAddress.TryParse(address, out var parsed, out _) ? FindInstance(parsed) : null;

    public TfstateResource? FindResource(ResourceAddress address) =>
        Resources.FirstOrDefault(r => r.Address.SameResource(address));
}
