using System.Text;
using System.Text.Json;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// Reads a Terraform state (format version 4, the JSON Terraform 0.12 and later write) into the managed resource
/// instances the drift engine compares: data sources, deposed objects and instances without an <c>id</c> are left
/// out. Failures come back as <see cref="StateReadResult.Error"/>, never as exceptions (only a null argument throws).
/// </summary>
public static class StateResources
{
    /// <summary>The most resource instances (of every mode) a state may hold.</summary>
    public const int MaxInstances = 200_000;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>Reads UTF-8 state JSON (a leading byte-order mark is allowed) in one forward pass.</summary>
    /// <param name="utf8">The state file's bytes.</param>
    /// <param name="workspace">Stamped on every <see cref="DesiredResource"/>.</param>
    public static StateReadResult Read(ReadOnlySpan<byte> utf8, string workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return StateReadResult.Fail(StateReadError.InvalidJson, "The state is empty.");
        }

        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            return new StateDocumentReader(workspace).Read(ref reader);
        }
        catch (JsonException e)
        {
            return StateReadResult.Fail(StateReadError.InvalidJson,
                $"The state is not valid JSON: the error is at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.");
        }
        catch (InvalidOperationException)
        {
            // GetString on a string that is not valid UTF-8.
            return StateReadResult.Fail(StateReadError.InvalidJson, "The state is not valid JSON: it holds text that is not UTF-8.");
        }
    }

    /// <inheritdoc cref="Read(ReadOnlySpan{byte}, string)"/>
    public static StateReadResult Read(string json, string workspace)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), workspace);
    }

    /// <summary>Buffers <paramref name="utf8"/> (a state must be read whole to be validated) and reads it.</summary>
    public static async Task<StateReadResult> ReadAsync(Stream utf8, string workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var buffer = utf8.CanSeek ? new MemoryStream((int)Math.Min(utf8.Length - utf8.Position, int.MaxValue)) : new MemoryStream();
        await utf8.CopyToAsync(buffer, cancellationToken);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), workspace);
    }
}
