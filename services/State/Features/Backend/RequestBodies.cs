namespace IacPlatform.State.Features.Backend;

/// <summary>Reads a request body into memory, up to a limit, without trusting Content-Length.</summary>
internal static class RequestBodies
{
    public static async Task<(byte[]? Body, bool TooLarge)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, true);
        }

        var capacity = (int)Math.Min(request.ContentLength ?? 64 * 1024, maxBytes);
        using var buffer = new MemoryStream(capacity);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray(), false);
    }
}
