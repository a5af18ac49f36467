using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IacPlatform.State.Storage;

/// <summary>
/// Replaces the top-level <c>serial</c> of a state and nothing else, byte for byte: a rollback's content is
/// the old state with only a new serial, so the next <c>terraform apply</c> continues from it.
/// </summary>
internal static class SerialRewriter
{
    public static byte[] WithSerial(ReadOnlySpan<byte> state, long serial)
    {
        var reader = new Utf8JsonReader(state, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("serial"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number)
                {
                    break;
                }

                var start = (int)reader.TokenStartIndex;
                var end = start + reader.ValueSpan.Length;
                var replacement = Encoding.ASCII.GetBytes(serial.ToString(CultureInfo.InvariantCulture));
                return [.. state[..start], .. replacement, .. state[end..]];
            }

            if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        throw new InvalidOperationException("The state has no top-level numeric serial.");
    }
}
