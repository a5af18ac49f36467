namespace IacPlatform.State.Tfstate;

/// <summary>An entry of <c>check_results</c> (Terraform 1.3+): a checkable configuration object and its status.</summary>
/// <param name="ObjectKind"><c>resource</c>, <c>output</c> or <c>check</c>.</param>
/// <param name="Status"><c>pass</c>, <c>fail</c>, <c>error</c> or <c>unknown</c>.</param>
internal sealed record TfstateCheckResult(string ObjectKind, string ConfigAddress, string Status, IReadOnlyList<TfstateCheckObject> Objects)
{
    public bool Failed => CheckStatus.IsFailure(Status) || Objects.Any(o => CheckStatus.IsFailure(o.Status));
}
