using System.Text.Json;

namespace IacPlatform.State.Tfstate;

internal static partial class LargeStateGenerator
{
    private const string Provider = "provider[\"registry.terraform.io/hashicorp/aws\"]";

    private static void WriteInstanceAttributes(Utf8JsonWriter writer, int seed)
    {
        writer.WriteNumber("schema_version", 1);
        writer.WriteStartObject("attributes");
        writer.WriteString("arn", $"arn:aws:ec2:eu-west-1:123456789012:instance/i-{Hex(seed, 17)}");
        writer.WriteString("availability_zone", $"eu-west-1{(char)('a' + (seed % 3))}");
        writer.WriteString("id", $"i-{Hex(seed, 17)}");
        writer.WriteString("instance_type", seed % 2 == 0 ? "t3.micro" : "m5.large");
        writer.WriteString("private_ip", Ip(seed));
        writer.WriteStartArray("root_block_device");
        writer.WriteStartObject();
        writer.WriteBoolean("encrypted", true);
        writer.WriteString("kms_key_id", $"arn:aws:kms:eu-west-1:123456789012:key/{Hex(seed + 1, 8)}-{Hex(seed + 2, 4)}");
        writer.WriteNumber("volume_size", 20 + (seed % 5 * 10));
        writer.WriteString("volume_type", "gp3");
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteTags(writer, seed);
        writer.WriteString("user_data", Hex(seed + 3, 40));
        writer.WriteStartArray("vpc_security_group_ids");
        writer.WriteStringValue($"sg-{Hex(seed + 4, 17)}");
        writer.WriteEndArray();
        writer.WriteNull("timeouts");
        writer.WriteEndObject();

        // Two shapes of sensitive path: a top-level attribute, and (on every other instance) a leaf inside a nested block.
        writer.WriteStartArray("sensitive_attributes");
        WritePath(writer, ("get_attr", "user_data"));
        if (seed % 2 == 0)
        {
            WritePath(writer, ("get_attr", "root_block_device"), ("index", 0), ("get_attr", "kms_key_id"));
        }

        writer.WriteEndArray();
        writer.WriteString("private", "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==");
    }

    private static void WriteSecurityGroupAttributes(Utf8JsonWriter writer, int seed)
    {
        writer.WriteNumber("schema_version", 1);
        writer.WriteStartObject("attributes");
        writer.WriteString("arn", $"arn:aws:ec2:eu-west-1:123456789012:security-group/sg-{Hex(seed, 17)}");
        writer.WriteString("id", $"sg-{Hex(seed, 17)}");
        writer.WriteStartArray("ingress");
        foreach (var port in (int[])[443])
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cidr_blocks");
            writer.WriteStringValue("10.0.0.0/16");
            writer.WriteStringValue($"10.{seed % 200}.0.0/24");
            writer.WriteEndArray();
            writer.WriteNumber("from_port", port);
            writer.WriteString("protocol", "tcp");
            writer.WriteNumber("to_port", port);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("name", $"sg-{seed}");
        WriteTags(writer, seed);
        writer.WriteString("vpc_id", "vpc-0a1b2c3d4e5f60718");
        writer.WriteEndObject();
        writer.WriteStartArray("sensitive_attributes");
        writer.WriteEndArray();
    }

    private static void WriteBucketAttributes(Utf8JsonWriter writer, int seed)
    {
        writer.WriteNumber("schema_version", 0);
        writer.WriteStartObject("attributes");
        writer.WriteString("arn", $"arn:aws:s3:::iacp-{seed}-{Hex(seed, 8)}");
        writer.WriteString("bucket", $"iacp-{seed}-{Hex(seed, 8)}");
        writer.WriteString("id", $"iacp-{seed}-{Hex(seed, 8)}");
        writer.WriteStartArray("server_side_encryption_configuration");
        writer.WriteStartObject();
        writer.WriteStartArray("rule");
        writer.WriteStartObject();
        writer.WriteBoolean("bucket_key_enabled", false);
        writer.WriteString("sse_algorithm", "AES256");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteTags(writer, seed);
        writer.WriteStartArray("versioning");
        writer.WriteStartObject();
        writer.WriteBoolean("enabled", seed % 2 == 0);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("sensitive_attributes");
        writer.WriteEndArray();
    }

    private static void WriteTags(Utf8JsonWriter writer, int seed)
    {
        writer.WriteStartObject("tags");
        writer.WriteString("Environment", (seed % 3) switch { 0 => "prod", 1 => "staging", _ => "dev" });
        writer.WriteString("Name", $"resource-{seed}");
        writer.WriteString("Team", "platform");
        writer.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter writer, params (string Type, object Value)[] steps)
    {
        writer.WriteStartArray();
        foreach (var (type, value) in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            if (value is int index)
            {
                // cty's typed JSON, as Terraform writes index steps.
                writer.WriteStartObject("value");
                writer.WriteNumber("value", index);
                writer.WriteString("type", "number");
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteString("value", (string)value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Ip(int seed) => $"10.0.{(seed / 250) % 250}.{(seed % 250) + 4}";

    /// <summary>Deterministic hex digits derived from the seed (a multiplicative hash, not randomness).</summary>
    private static string Hex(int seed, int length)
    {
        var chars = new char[length];
        var state = ((uint)seed + 1) * 2654435761u;
        for (var i = 0; i < length; i++)
        {
            state = (state ^ (state >> 13)) * 1274126177u;
            chars[i] = "0123456789abcdef"[(int)(state >> 28)];
        }

        return new string(chars);
    }
}
