using System.IO.Compression;

namespace IacPlatform.State.Storage;

/// <summary>
/// States are JSON and shrink 5–10× under gzip. Versions are stored gzip-compressed before encryption, which
/// makes the database write and read a fraction of the size, and lets the backend answer clients that accept
/// gzip (Terraform's Go client does, transparently) with the stored bytes as they are.
/// </summary>
internal static class StateCompression
{
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream(Math.Max(256, content.Length / 6));
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Inflates exactly <paramref name="size"/> bytes; anything else means the stored row is corrupt.</summary>
    public static byte[] Decompress(byte[] compressed, long size)
    {
        var content = new byte[size];
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        gzip.ReadExactly(content);
        if (gzip.ReadByte() != -1)
        {
            throw new InvalidDataException("The stored state inflates to more bytes than its recorded size.");
        }

        return content;
    }
}
