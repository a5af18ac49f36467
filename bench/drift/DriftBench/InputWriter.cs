using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Bench.Drift;

/// <summary>Writes the two inputs: a Terraform state (format 4) and the inventory's resource list (snake_case JSON).</summary>
internal static class InputWriter
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    public static byte[] State(Fleet fleet)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 4);
            w.WriteString("terraform_version", "1.9.5");
            w.WriteNumber("serial", 1_042);
            w.WriteString("lineage", "3f4e2a8c-5b1d-4c7e-9a0f-6d2b8e1c4a7f");
            w.WriteStartObject("outputs");
            w.WriteEndObject();
            w.WriteStartArray("resources");
            var resources = fleet.Managed;
            for (int start = 0, block = 0; start < resources.Count; start += Fleet.BlockSize, block++)
            {
                if (block % 50 == 0)
                {
                    WriteDataSource(w, block);
                }

                WriteBlock(w, resources, start, Math.Min(Fleet.BlockSize, resources.Count - start), block);
            }

            w.WriteEndArray();
            w.WriteStartArray("check_results");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Every managed resource (missing ones with <c>removed_at</c>) and the unmanaged extras, interleaved.</summary>
    public static byte[] Observed(Fleet fleet)
    {
        var rows = fleet.Managed.Concat(fleet.Unmanaged).OrderBy(r => GeneratedResource.Mix((ulong)r.Index + 99)).ToList();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true }))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("id", new Guid(r.Index, 0x4000, unchecked((short)0x8000), 0, 0, 0, 0, 0, 0, 0, 1));
                w.WriteString("account_id", r.AccountId);
                w.WriteString("provider", r.Provider);
                w.WriteString("region", r.Region);
                w.WriteString("type", r.TypeName);
                // Azure answers ids with re-cased segments; the engine matches them regardless.
                w.WriteString("native_id", r.Type == BenchType.AzureLinuxVm ? r.NativeId.Replace("resourceGroups", "resourcegroups", StringComparison.Ordinal) : r.NativeId);
                w.WriteString("name", r.Name);
                w.WriteStartObject("tags");
                foreach (var (key, value) in Values.Tags(r, observed: true, withDefault: true))
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
                w.WritePropertyName("attributes");
                ObservedAttributes.Write(w, r);
                w.WriteString("updated_at", UpdatedAt.AddSeconds(r.Index % 3600));
                if (r.Drift == DriftKind.Missing)
                {
                    w.WriteString("removed_at", UpdatedAt.AddHours(1));
                }
                else
                {
                    w.WriteNull("removed_at");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteBlock(Utf8JsonWriter w, List<GeneratedResource> resources, int start, int count, int block)
    {
        var first = resources[start];
        var forEach = block % 4 == 3;
        w.WriteStartObject();
        var module = ModuleOf(block);
        if (module.Length > 0)
        {
            w.WriteString("module", module);
        }

        w.WriteString("mode", "managed");
        w.WriteString("type", first.TypeName);
        w.WriteString("name", $"r{block}");
        w.WriteString("provider", $"provider[\"registry.terraform.io/hashicorp/{first.Provider}\"]");
        w.WriteStartArray("instances");
        for (var i = 0; i < count; i++)
        {
            var r = resources[start + i];
            w.WriteStartObject();
            if (forEach)
            {
                w.WriteString("index_key", $"{r.Service}-{i}");
            }
            else
            {
                w.WriteNumber("index_key", i);
            }

            w.WriteNumber("schema_version", 1);
            w.WritePropertyName("attributes");
            DesiredAttributes.Write(w, r);
            w.WriteStartArray("sensitive_attributes");
            w.WriteEndArray();
            w.WriteString("private", "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==");
            w.WriteStartArray("dependencies");
            w.WriteStringValue($"{(module.Length > 0 ? module + "." : "")}aws_vpc.main");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDataSource(Utf8JsonWriter w, int block)
    {
        w.WriteStartObject();
        w.WriteString("mode", "data");
        w.WriteString("type", "aws_ami");
        w.WriteString("name", $"base{block}");
        w.WriteString("provider", "provider[\"registry.terraform.io/hashicorp/aws\"]");
        w.WriteStartArray("instances");
        w.WriteStartObject();
        w.WriteNumber("schema_version", 0);
        w.WriteStartObject("attributes");
        w.WriteString("id", $"ami-0{block:x16}");
        w.WriteString("name", "ubuntu-22.04");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // A fifth at the root, the rest in 40 service modules, a third of those in a nested for_each module.
    private static string ModuleOf(int block) => (block % 5, block % 3) switch
    {
        (0, _) => "",
        (_, 0) => string.Create(CultureInfo.InvariantCulture, $"module.svc{block % 40:D2}.module.net[\"zone-{block % 3}\"]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"module.svc{block % 40:D2}"),
    };
}
