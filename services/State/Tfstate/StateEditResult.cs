namespace IacPlatform.State.Tfstate;

/// <summary>
/// The outcome of a <see cref="StateEditor"/> operation: the new state bytes and serial, or the reason it was refused.
/// <see cref="Message"/> is a sentence for the person who asked, on success ("Removed 3 resource instances under
/// module.net.") as on failure.
/// </summary>
internal sealed record StateEditResult(byte[]? State, long Serial, StateEditError? Error, string Message)
{
    public bool Succeeded => Error is null;

    public static StateEditResult Ok(byte[] state, long serial, string message) => new(state, serial, null, message);

    public static StateEditResult Fail(StateEditError error, string message) => new(null, 0, error, message);
}
