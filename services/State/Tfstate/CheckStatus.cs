namespace IacPlatform.State.Tfstate;

/// <summary>
/// Check statuses that mean failure: <c>fail</c> and <c>error</c> in <c>check_results</c>, <c>failed</c> in the older
/// <c>checks</c> form.
/// </summary>
internal static class CheckStatus
{
    public static bool IsFailure(string? status) => status is "fail" or "failed" or "error";

    public static bool IsFailure(ReadOnlySpan<byte> utf8) =>
        utf8.SequenceEqual("fail"u8) || utf8.SequenceEqual("failed"u8) || utf8.SequenceEqual("error"u8);
}
