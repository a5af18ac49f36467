namespace IacPlatform.State.Tfstate;

/// <summary>The result for one checkable object inside a <see cref="TfstateCheckResult"/>.</summary>
internal sealed record TfstateCheckObject(string ObjectAddress, string Status, IReadOnlyList<string> FailureMessages);
