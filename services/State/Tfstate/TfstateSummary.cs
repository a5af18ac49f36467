namespace IacPlatform.State.Tfstate;

/// <summary>What <see cref="TfstateScanner"/> learns from one pass over a state.</summary>
/// <param name="ResourceCount">Current resource instances; deposed objects are counted in <paramref name="DeposedCount"/>.</param>
/// <param name="Addresses">Instance addresses in file order, Terraform syntax (<c>module.net["eu"].aws_subnet.a[0]</c>).</param>
/// <param name="HasFailedChecks">True when a check result (<c>check_results</c>, or the older <c>checks</c>) failed or errored.</param>
internal sealed record TfstateSummary(
    int Version,
    long Serial,
    string Lineage,
    string? TerraformVersion,
    int ResourceCount,
    int DeposedCount,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> OutputNames,
    bool HasFailedChecks);
