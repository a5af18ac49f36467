namespace IacPlatform.State.Tfstate;

/// <summary>An entry of the older <c>checks</c> key, which newer states replace with <c>check_results</c>.</summary>
internal sealed record TfstateLegacyCheck(string ObjectAddress, string Status, string? ErrorMessage)
{
    public bool Failed => CheckStatus.IsFailure(Status);
}
