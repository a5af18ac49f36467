using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>Reader and writer settings shared by every tfstate code path, so they agree on what is valid.</summary>
internal static class TfstateJson
{
    // Deeply nested provider attributes (policies, nested blocks) exceed the default depth of 64 in real states.
    public const int MaxDepth = 512;

    public static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth };

    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };

    // The state is never embedded in HTML, so escaping '<', '+' or non-ASCII text would only make edited states
    // harder to read and diff against what Terraform wrote; two-space indentation matches Terraform's own output.
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
    };

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Editors on Windows sometimes prepend a UTF-8 byte order mark, which JSON readers reject.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith(Bom) ? utf8[3..] : utf8;

    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> utf8) => utf8.Span.StartsWith(Bom) ? utf8[3..] : utf8;

    /// <summary>A standalone JSON string element (not tied to any pooled document).</summary>
    public static JsonElement StringElement(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Describes the value under the reader for an error message: "the string \"4\"", "an array", "null".</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string {Quote(reader.GetString() ?? "")}",
        JsonTokenType.Number => $"the number {Truncate(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => reader.TokenType.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Quote(string value) => "\"" + Truncate(value) + "\"";

    private static string Truncate(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
