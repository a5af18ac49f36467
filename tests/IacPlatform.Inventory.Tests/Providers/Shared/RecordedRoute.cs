namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>A route's answers in order; the last one repeats.</summary>
public sealed class RecordedRoute(string method, string path, Func<RecordedRequest, bool>? when)
{
    private readonly Queue<RecordedReply> _replies = new();
    private readonly Lock _gate = new();
    private RecordedReply? _last;

    public RecordedRoute Reply(int status, string body, params (string Name, string Value)[] headers)
    {
        lock (_gate)
        {
            _replies.Enqueue(new RecordedReply(status, body, headers));
        }

        return this;
    }

    /// <summary>Answers with a file of Testdata (for example "azure/disks.json").</summary>
    public RecordedRoute ReplyFile(string file, int status = 200, params (string Name, string Value)[] headers) =>
        Reply(status, Testdata.Read(file), headers);

    internal bool Matches(RecordedRequest request) =>
        string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) &&
        request.Path == path &&
        (when is null || when(request));

    internal RecordedReply? Next()
    {
        lock (_gate)
        {
            if (_replies.Count > 0)
            {
                _last = _replies.Dequeue();
            }

            return _last;
        }
    }
}
