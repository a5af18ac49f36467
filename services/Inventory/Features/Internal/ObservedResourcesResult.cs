using System.Text.Json;
using IacPlatform.Inventory.Domain;

namespace IacPlatform.Inventory.Features.Internal;

/// <summary>
/// The internal API's 200 answers, written while the rows are read: a lookup or page of 10,000 resources never sits
/// in memory as a list, as parsed JSON or as one serialized string. The query runs on the first row read, before
/// anything is written, so its failures still reach the error format.
/// </summary>
internal sealed class ObservedResourcesResult : IResult
{
    /// <summary>Bytes written between two sends to the client.</summary>
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonEncodedText ResourcesName = JsonEncodedText.Encode("resources");
    private static readonly JsonEncodedText NextAfterName = JsonEncodedText.Encode("next_after");

    private readonly Resource? _one;
    private readonly IAsyncEnumerable<Resource>? _rows;
    private readonly int? _pageSize;

    private ObservedResourcesResult(Resource? one, IAsyncEnumerable<Resource>? rows, int? pageSize)
    {
        _one = one;
        _rows = rows;
        _pageSize = pageSize;
    }

    /// <summary>The resource itself as the body.</summary>
    public static ObservedResourcesResult One(Resource resource) => new(resource, null, null);

    /// <summary><c>{"resources": [...]}</c> with every row.</summary>
    public static ObservedResourcesResult List(IAsyncEnumerable<Resource> rows) => new(null, rows, null);

    /// <summary>
    /// <c>{"resources": [...], "next_after": ...}</c> from up to <paramref name="pageSize"/> + 1 rows ordered by id:
    /// the extra row only tells that another page follows, and next_after is then the page's last id.
    /// </summary>
    public static ObservedResourcesResult Page(IAsyncEnumerable<Resource> rows, int pageSize) => new(null, rows, pageSize);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        if (_one is not null)
        {
            ObservedResourceJson.Write(writer, _one);
            await FlushAsync(writer, response, cancellationToken);
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartArray(ResourcesName);
        var written = 0;
        Guid? last = null;
        var more = false;
        long sent = 0;
        await foreach (var resource in _rows!.WithCancellation(cancellationToken))
        {
            if (written == _pageSize)
            {
                more = true;
                break;
            }

            ObservedResourceJson.Write(writer, resource);
            last = resource.Id;
            written++;
            // The writer commits to the pipe by itself as it fills segments, but nothing is sent until the pipe is flushed.
            if (writer.BytesCommitted + writer.BytesPending - sent >= FlushThreshold)
            {
                await FlushAsync(writer, response, cancellationToken);
                sent = writer.BytesCommitted;
            }
        }

        writer.WriteEndArray();
        if (_pageSize is not null)
        {
            if (more)
            {
                writer.WriteString(NextAfterName, last!.Value);
            }
            else
            {
                writer.WriteNull(NextAfterName);
            }
        }

        writer.WriteEndObject();
        await FlushAsync(writer, response, cancellationToken);
    }

    /// <summary>Commits the writer's bytes to the response pipe and sends them (committing alone only buffers them).</summary>
    private static async Task FlushAsync(Utf8JsonWriter writer, HttpResponse response, CancellationToken cancellationToken)
    {
        writer.Flush();
        await response.BodyWriter.FlushAsync(cancellationToken);
    }
}
