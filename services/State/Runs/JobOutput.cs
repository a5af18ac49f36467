using System.Text;
using System.Threading.Channels;

namespace IacPlatform.State.Runs;

/// <summary>
/// Where a job's output lines go: live to every subscriber at once, and into the kept log, written to the
/// database in batches every <see cref="RunOptions.LogFlushInterval"/>. The kept log stops at
/// <see cref="RunOptions.MaxLogBytes"/> and then says so; live readers still get every line.
/// </summary>
internal sealed partial class JobOutput
{
    public const int MaxLineLength = 16 * 1024;
    private const int MaxBatchChars = 256 * 1024;
    private const int MaxAttempts = 3;

    private readonly Guid _jobId;
    private readonly LiveLog _live;
    private readonly JobStore _store;
    private readonly RunOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _completing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _flusher;
    private long _bytes;
    private long _droppedLines;
    private bool _truncated;

    public JobOutput(Guid jobId, LiveLog live, JobStore store, RunOptions options, ILogger logger)
    {
        _jobId = jobId;
        _live = live;
        _store = store;
        _options = options;
        _logger = logger;
        _flusher = Task.Run(FlushLoopAsync);
    }

    public long KeptBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public bool Truncated
    {
        get
        {
            lock (_gate)
            {
                return _truncated;
            }
        }
    }

    public void Write(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > MaxLineLength)
        {
            line = string.Concat(line.AsSpan(0, MaxLineLength), " …[line cut at ", MaxLineLength.ToString(System.Globalization.CultureInfo.InvariantCulture), " characters]");
        }

        lock (_gate)
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            var keep = !_truncated && _bytes + size <= _options.MaxLogBytes;
            if (keep)
            {
                _bytes += size;
                _pending.Writer.TryWrite(line);
            }
            else
            {
                _truncated = true;
                _droppedLines++;
            }

            _live.Publish(line, keep);
        }
    }

    /// <summary>Notes a truncation, writes what is pending, and waits until the kept log is in the database.</summary>
    public async Task CompleteAsync()
    {
        lock (_gate)
        {
            if (_truncated)
            {
                var note = $"[iacplatform] The kept log is limited to {_options.MaxLogBytes} bytes; {_droppedLines} further line(s) were streamed live but not kept.";
                _bytes += Encoding.UTF8.GetByteCount(note) + 1;
                _pending.Writer.TryWrite(note);
                _live.Publish(note, keep: true);
            }

            _pending.Writer.TryComplete();
        }

        _completing.TrySetResult();
        await _flusher;
    }

    private async Task FlushLoopAsync()
    {
        var sequence = 0;
        var attempts = 0;
        var batch = new StringBuilder();
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Length < MaxBatchChars && _pending.Reader.TryRead(out var line))
            {
                batch.Append(line).Append('\n');
            }

            try
            {
                await _store.AppendLogAsync(_jobId, sequence, batch.ToString());
                sequence++;
                attempts = 0;
                batch.Clear();
            }
#pragma warning disable CA1031 // A failed write must not end the job; it is logged and retried, then given up loudly.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (++attempts >= MaxAttempts)
                {
                    LogBatchLost(_logger, ex, _jobId, batch.Length);
                    attempts = 0;
                    batch.Clear();
                }
                else
                {
                    LogBatchRetry(_logger, ex, _jobId);
                }
            }

            if (!_completing.Task.IsCompleted)
            {
                await Task.WhenAny(Task.Delay(_options.LogFlushInterval), _completing.Task);
            }
        }

        if (batch.Length > 0)
        {
            try
            {
                await _store.AppendLogAsync(_jobId, sequence, batch.ToString());
            }
#pragma warning disable CA1031 // see above
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchLost(_logger, ex, _jobId, batch.Length);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the kept log of job {JobId} failed; retrying")]
    private static partial void LogBatchRetry(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the kept log of job {JobId} failed repeatedly; {Characters} characters of it are lost")]
    private static partial void LogBatchLost(ILogger logger, Exception exception, Guid jobId, int characters);
}
