using System.Buffers;
using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Writes realistic version 4 states of any size for tests and the state benchmark: a data source, then a mix of
/// aws_instance, aws_security_group and aws_s3_bucket with nested blocks, tags and lists, spread over the root
/// module, a plain module, a count module and a for_each module, with count and for_each resources, sensitive
/// attributes and three outputs (one sensitive). About 1 KB per instance, so 10,000 instances make about 10 MB.
/// The output depends only on the arguments.
/// </summary>
internal static partial class LargeStateGenerator
{
    public const string DefaultLineage = "3f9a7c2e-5b1d-4e8f-9a6c-0d2b4e6f8a1c";

    private static readonly string[] ForEachKeys = ["blue", "green"];

    /// <param name="resourceCount">Resource instances to write (the data source counts as one).</param>
    public static byte[] Generate(int resourceCount, long serial = 1, string lineage = DefaultLineage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resourceCount);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentException.ThrowIfNullOrEmpty(lineage);
        var buffer = new ArrayBufferWriter<byte>((resourceCount * 1200) + 2048);
        using (var writer = new Utf8JsonWriter(buffer, TfstateJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 4);
            writer.WriteString("terraform_version", "1.9.8");
            writer.WriteNumber("serial", serial);
            writer.WriteString("lineage", lineage);
            WriteOutputs(writer);
            writer.WriteStartArray("resources");
            var remaining = resourceCount;
            if (remaining > 0)
            {
                WriteAmi(writer);
                remaining--;
            }

            for (var block = 0; remaining > 0; block++)
            {
                var keys = KeysFor(block, remaining);
                WriteResource(writer, block, keys);
                remaining -= keys.Count;
            }

            writer.WriteEndArray();
            writer.WriteNull("check_results");
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Every fifth resource uses count (three instances), the next for_each (two), the rest neither.</summary>
    private static List<InstanceKey> KeysFor(int block, int remaining) => (block % 5) switch
    {
        0 => [.. Enumerable.Range(0, Math.Min(3, remaining)).Select(i => InstanceKey.Of(i))],
        1 => [.. ForEachKeys.Take(remaining).Select(InstanceKey.Of)],
        _ => [InstanceKey.None],
    };

    private static string? ModuleFor(int block) => (block % 4) switch
    {
        1 => "module.network",
        2 => $"module.app[{block % 3}]",
        3 => "module.region[\"eu-west-1\"].module.vpc",
        _ => null,
    };

    private static void WriteOutputs(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("outputs");
        writer.WriteStartObject("vpc_id");
        writer.WriteString("value", "vpc-0a1b2c3d4e5f60718");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteStartObject("instance_ips");
        writer.WriteStartArray("value");
        writer.WriteStringValue("10.0.1.10");
        writer.WriteStringValue("10.0.1.11");
        writer.WriteEndArray();
        writer.WriteStartArray("type");
        writer.WriteStringValue("list");
        writer.WriteStringValue("string");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("db_password");
        writer.WriteString("value", "correct-horse-battery-staple");
        writer.WriteString("type", "string");
        writer.WriteBoolean("sensitive", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAmi(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("mode", "data");
        writer.WriteString("type", "aws_ami");
        writer.WriteString("name", "ubuntu");
        writer.WriteString("provider", Provider);
        writer.WriteStartArray("instances");
        writer.WriteStartObject();
        writer.WriteNumber("schema_version", 0);
        writer.WriteStartObject("attributes");
        writer.WriteString("architecture", "x86_64");
        writer.WriteString("id", "ami-0c55b159cbfafe1f0");
        writer.WriteString("name", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240301");
        writer.WriteStartArray("owners");
        writer.WriteStringValue("099720109477");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("sensitive_attributes");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter writer, int block, List<InstanceKey> keys)
    {
        var kind = block % 3;
        writer.WriteStartObject();
        if (ModuleFor(block) is { } module)
        {
            writer.WriteString("module", module);
        }

        writer.WriteString("mode", "managed");
        writer.WriteString("type", kind switch { 0 => "aws_instance", 1 => "aws_security_group", _ => "aws_s3_bucket" });
        writer.WriteString("name", kind switch { 0 => $"web_{block}", 1 => $"sg_{block}", _ => $"bucket_{block}" });
        writer.WriteString("provider", Provider);
        writer.WriteStartArray("instances");
        foreach (var key in keys)
        {
            writer.WriteStartObject();
            switch (key.Kind)
            {
                case InstanceKeyKind.Int:
                    writer.WriteNumber("index_key", key.IntValue);
                    break;
                case InstanceKeyKind.String:
                    writer.WriteString("index_key", key.StringValue);
                    break;
            }

            var seed = (block * 7) + (int)key.IntValue + (key.StringValue?.Length ?? 0);
            switch (kind)
            {
                case 0:
                    WriteInstanceAttributes(writer, seed);
                    break;
                case 1:
                    WriteSecurityGroupAttributes(writer, seed);
                    break;
                default:
                    WriteBucketAttributes(writer, seed);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
