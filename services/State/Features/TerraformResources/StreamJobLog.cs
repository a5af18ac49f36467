using System.Net.WebSockets;
using System.Text;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.TerraformResources;

/// <summary>
/// WebSocket: the job's output, one text message per line: the lines already written, then each new line as
/// it comes; a normal close (description <c>job succeeded</c> / <c>job failed</c>) when the job ends. A job
/// that already ended sends its kept log and closes. Messages from the client are ignored.
/// </summary>
internal static class StreamJobLog
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<Results<EmptyHttpResult, ApiErrorResult>> Handle(
        Guid id, HttpContext context, StateDb db, LiveLogHub hub, CancellationToken cancellationToken)
    {
        if (NotUpgrade(context) is { } refused)
        {
            return refused;
        }

        if (!await db.TerraformJobs.AnyAsync(j => j.Id == id, cancellationToken))
        {
            return ApiErrors.NotFound($"Job '{id}' does not exist.");
        }

        await StreamAsync(context, id, db, hub);
        return TypedResults.Empty;
    }

    /// <summary>The seed's <c>/ws/deployments/{id}/logs</c>: the id is a resource's, the stream its latest job's.</summary>
    public static async Task<Results<EmptyHttpResult, ApiErrorResult>> HandleDeployment(
        Guid id, HttpContext context, StateDb db, LiveLogHub hub, CancellationToken cancellationToken)
    {
        if (NotUpgrade(context) is { } refused)
        {
            return refused;
        }

        var jobId = await db.TerraformResources.Where(r => r.Id == id).Select(r => r.LastJobId).SingleOrDefaultAsync(cancellationToken);
        if (jobId is null)
        {
            return ApiErrors.NotFound($"Resource '{id}' does not exist.");
        }

        await StreamAsync(context, jobId.Value, db, hub);
        return TypedResults.Empty;
    }

    private static ApiErrorResult? NotUpgrade(HttpContext context) => context.WebSockets.IsWebSocketRequest
        ? null
        : ApiErrors.Validation("This endpoint streams a job's log over WebSocket; connect with a WebSocket client (GET /api/v1/terraform/jobs/{id}/logs returns the kept log).");

    private static async Task StreamAsync(HttpContext context, Guid jobId, StateDb db, LiveLogHub hub)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        try
        {
            var status = WebSocketCloseStatus.NormalClosure;
            if (hub.Find(jobId) is { } live)
            {
                using var subscription = live.Subscribe();
                foreach (var line in subscription.Backlog)
                {
                    await SendAsync(socket, line, stop.Token);
                }

                try
                {
                    await foreach (var line in subscription.Lines.ReadAllAsync(stop.Token))
                    {
                        await SendAsync(socket, line, stop.Token);
                    }
                }
                catch (LiveLogOverflowException)
                {
                    status = WebSocketCloseStatus.PolicyViolation;
                }
            }
            else
            {
                var kept = await GetJobLog.ReadAsync(db, jobId, stop.Token);
                foreach (var line in kept.Split('\n').SkipLast(1))
                {
                    await SendAsync(socket, line, stop.Token);
                }
            }

            var jobStatus = await db.TerraformJobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync(stop.Token);
            var description = status == WebSocketCloseStatus.PolicyViolation
                ? "reader fell behind; GET the job's logs"
                : jobStatus is JobStatus.Succeeded or JobStatus.Failed ? $"job {jobStatus.Name()}" : "job still running elsewhere";
            await socket.CloseOutputAsync(status, description, context.RequestAborted);
            await receiving.WaitAsync(CloseHandshakeTimeout, context.RequestAborted);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client closed or went away.
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by client", CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException)
        {
            // The connection broke, or the client never answered the close.
        }
    }

    private static Task SendAsync(WebSocket socket, string line, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and drops) what the client sends; a close from the client stops the stream.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Gone.
        }

        await stop.CancelAsync();
    }
}
