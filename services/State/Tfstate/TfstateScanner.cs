using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Validates a Terraform state (format version 4) and summarizes it in one forward pass with
/// <see cref="Utf8JsonReader"/>. It runs on every state write, so it builds no DOM and skips attribute values
/// unread; a 10 MB state costs a few milliseconds. Unknown properties are skipped, so states from newer Terraform
/// releases that add fields still pass.
/// </summary>
internal static partial class TfstateScanner
{
    private const string SupportedVersion = "only version 4 (Terraform 0.12 and later) is accepted";

    /// <exception cref="TfstateFormatException">The bytes are not a version 4 state; the message says why and where.</exception>
    public static TfstateSummary Scan(ReadOnlySpan<byte> utf8)
    {
        utf8 = TfstateJson.WithoutBom(utf8);
        if (utf8.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            throw new TfstateFormatException(null, "The state is empty; expected a JSON object with \"version\": 4.");
        }

        var reader = new Utf8JsonReader(utf8, TfstateJson.ReaderOptions);
        try
        {
            return ScanRoot(ref reader);
        }
        catch (JsonException ex)
        {
            throw new TfstateFormatException(null, $"The state is not valid JSON: {ex.Message}", ex);
        }
    }

    private static TfstateSummary ScanRoot(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new TfstateFormatException("$", $"The state must be a JSON object, but it is {TfstateJson.Describe(ref reader)}.");
        }

        var found = new Collector();
        long? version = null;
        long? serial = null;
        string? lineage = null;
        string? terraformVersion = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                version = ReadVersion(ref reader);
            }
            else if (reader.ValueTextEquals("serial"u8))
            {
                serial = ReadSerial(ref reader);
            }
            else if (reader.ValueTextEquals("lineage"u8))
            {
                lineage = ReadString(ref reader, "lineage");
            }
            else if (reader.ValueTextEquals("terraform_version"u8))
            {
                terraformVersion = ReadString(ref reader, "terraform_version");
            }
            else if (reader.ValueTextEquals("outputs"u8))
            {
                ReadOutputs(ref reader, found);
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                ReadResources(ref reader, found);
            }
            else if (reader.ValueTextEquals("check_results"u8))
            {
                ReadCheckResults(ref reader, found);
            }
            else if (reader.ValueTextEquals("checks"u8))
            {
                ReadLegacyChecks(ref reader, found);
            }
            else
            {
                reader.Skip();
            }
        }

        // One more read proves only whitespace follows the object (the reader throws on anything else).
        reader.Read();

        if (version is null)
        {
            throw new TfstateFormatException("version", $"The state has no \"version\" field; {SupportedVersion}.");
        }

        if (serial is null)
        {
            throw new TfstateFormatException("serial", "The state has no \"serial\" field; expected a non-negative integer.");
        }

        if (string.IsNullOrEmpty(lineage))
        {
            throw new TfstateFormatException("lineage", "The state has no \"lineage\"; expected the non-empty identifier Terraform gives every state.");
        }

        return new TfstateSummary((int)version, serial.Value, lineage, terraformVersion, found.Addresses.Count, found.Deposed,
            found.Addresses, found.Outputs, found.ChecksFailed);
    }

    private static long ReadVersion(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var version))
        {
            return version == 4
                ? version
                : throw new TfstateFormatException("version", $"State format version {version} is not supported; {SupportedVersion}.");
        }

        throw new TfstateFormatException("version", $"\"version\" must be the number 4, but it is {TfstateJson.Describe(ref reader)}.");
    }

    private static long ReadSerial(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var serial) && serial >= 0)
        {
            return serial;
        }

        throw new TfstateFormatException("serial", $"\"serial\" must be a non-negative integer, but it is {TfstateJson.Describe(ref reader)}.");
    }

    /// <summary>Reads a string or null property value; <paramref name="path"/> names it in the error.</summary>
    private static string? ReadString(ref Utf8JsonReader reader, string path)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new TfstateFormatException(path, $"{path} must be a string, but it is {TfstateJson.Describe(ref reader)}."),
        };
    }

    private static void ReadOutputs(ref Utf8JsonReader reader, Collector found)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new TfstateFormatException("outputs", $"\"outputs\" must be an object, but it is {TfstateJson.Describe(ref reader)}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TfstateFormatException($"outputs.{name}",
                    $"Output \"{name}\" must be an object with a value and a type, but it is {TfstateJson.Describe(ref reader)}.");
            }

            reader.Skip();
            found.Outputs.Add(name);
        }
    }

    /// <summary>What the pass accumulates; one instance per scan.</summary>
    private sealed class Collector
    {
        public List<string> Addresses { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<string> Outputs { get; } = [];

        /// <summary>Module strings already validated, mapped to their canonical form; states repeat a few modules many times.</summary>
        public Dictionary<string, string> Modules { get; } = new(StringComparer.Ordinal);

        /// <summary>The current resource's instance keys, reused across resources to avoid an allocation per resource.</summary>
        public List<(InstanceKey Key, bool Deposed)> Instances { get; } = [];

        public int Deposed { get; set; }

        public bool ChecksFailed { get; set; }
    }
}
