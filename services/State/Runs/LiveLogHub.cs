using System.Collections.Concurrent;

namespace IacPlatform.State.Runs;

/// <summary>
/// The live logs of this instance's queued and running jobs. A job's entry exists from enqueue until its
/// end is saved; after that, readers get the kept log from the database.
/// </summary>
public sealed class LiveLogHub
{
    private readonly ConcurrentDictionary<Guid, LiveLog> _logs = new();

    public LiveLog Open(Guid jobId) => _logs.GetOrAdd(jobId, _ => new LiveLog());

    public LiveLog? Find(Guid jobId) => _logs.TryGetValue(jobId, out var log) ? log : null;

    /// <summary>Ends the job's live log and forgets it.</summary>
    public void Close(Guid jobId)
    {
        if (_logs.TryRemove(jobId, out var log))
        {
            log.Complete();
        }
    }
}
