namespace IacPlatform.Drift.Engine;

/// <summary>
/// What <see cref="StateResources"/> read: the managed resource instances, or why the state could not be read.
/// A failure is a value, not an exception: <see cref="Error"/> carries a stable code and a message written for
/// users (no stack trace, no parser internals), and <see cref="Resources"/> is then empty.
/// </summary>
public sealed record StateReadResult(IReadOnlyList<DesiredResource> Resources, StateReadError? Error)
{
    public bool Succeeded => Error is null;

    internal static StateReadResult Fail(string code, string message) => new([], new StateReadError(code, message));
}
