using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Runs;

/// <summary>Job ids waiting for a runner; bounded by State:Runs:QueueCapacity.</summary>
internal sealed class JobQueue(IOptions<RunOptions> options)
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<Guid> Reader => _channel.Reader;

    /// <summary>Whether a job can be enqueued now (checked before one is created; <see cref="TryEnqueue"/> has the last word).</summary>
    public bool HasRoom => _channel.Reader.Count < options.Value.QueueCapacity;

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(Guid jobId) => _channel.Writer.TryWrite(jobId);

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(jobId, cancellationToken);
}
