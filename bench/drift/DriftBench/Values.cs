using System.Text.Json;

namespace IacPlatform.Bench.Drift;

/// <summary>Attribute values and blocks shared by the desired and observed writers (drift applied where asked).</summary>
internal static class Values
{
    private static readonly string[] InstanceTypes = ["t3.micro", "t3.small", "t3.medium", "m6i.large", "c6i.xlarge"];

    public static string Ami(GeneratedResource r) => $"ami-0{r.Pick(1, 6)}abcdef012345678";

    public static string Owner(GeneratedResource r) => $"{100000000000 + (r.Index % 8)}";

    public static string Arn(GeneratedResource r, string kind) => $"arn:aws:ec2:{r.Region}:{Owner(r)}:{kind}/{r.NativeId}";

    public static string InstanceType(GeneratedResource r) => InstanceTypes[r.Pick(2, InstanceTypes.Length)];

    public static string Subnet(GeneratedResource r) => $"subnet-0{r.Index % 97:x16}";

    public static string Vpc(GeneratedResource r) => $"vpc-0{r.Index % 13:x16}";

    public static string SubnetCidr(GeneratedResource r) => $"10.{r.Index % 250}.{r.Index / 250 % 250}.0/24";

    public static int VolumeSize(GeneratedResource r) => 20 + r.Pick(4, 10) * 10;

    public static string VmSize(GeneratedResource r) => r.Pick(5, 2) == 0 ? "Standard_B2s" : "Standard_D4s_v5";

    public static string[] SecurityGroups(GeneratedResource r) => [$"sg-0{r.Index % 31:x16}", $"sg-0{r.Index % 17 + 100:x16}"];

    public static (string Protocol, int Port, string[] Cidrs)[] IngressRules(GeneratedResource r) =>
    [
        ("tcp", 443, ["10.0.0.0/8"]),
        ("tcp", 22, ["10.10.0.0/16", "192.168.0.0/16"]),
        ("tcp", 8080 + r.Pick(6, 3), ["10.0.0.0/8"]),
    ];

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    public static void WriteRule(Utf8JsonWriter w, string protocol, int from, int to, string[] cidrs, bool description)
    {
        w.WriteStartObject();
        WriteStrings(w, "cidr_blocks", cidrs);
        if (description)
        {
            w.WriteString("description", "");
        }

        w.WriteNumber("from_port", from);
        WriteStrings(w, "ipv6_cidr_blocks", []);
        WriteStrings(w, "prefix_list_ids", []);
        w.WriteString("protocol", protocol);
        WriteStrings(w, "security_groups", []);
        w.WriteBoolean("self", false);
        w.WriteNumber("to_port", to);
        w.WriteEndObject();
    }

    public static void WriteEncryption(Utf8JsonWriter w, string algorithm)
    {
        w.WriteStartArray("server_side_encryption_configuration");
        w.WriteStartObject();
        w.WriteStartArray("rule");
        w.WriteStartObject();
        w.WriteStartArray("apply_server_side_encryption_by_default");
        w.WriteStartObject();
        w.WriteString("kms_master_key_id", "");
        w.WriteString("sse_algorithm", algorithm);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("bucket_key_enabled", false);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public static void WriteVersioning(Utf8JsonWriter w, bool enabled)
    {
        w.WriteStartArray("versioning");
        w.WriteStartObject();
        w.WriteBoolean("enabled", enabled);
        w.WriteBoolean("mfa_delete", false);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public static void WriteVpcConfig(Utf8JsonWriter w, GeneratedResource r, string[] publicCidrs, bool reversed)
    {
        string[] subnets = [Subnet(r), $"subnet-1{r.Index % 89:x16}", $"subnet-2{r.Index % 83:x16}"];
        w.WriteStartArray("vpc_config");
        w.WriteStartObject();
        w.WriteString("cluster_security_group_id", $"sg-c{r.Index:x16}");
        w.WriteBoolean("endpoint_private_access", true);
        w.WriteBoolean("endpoint_public_access", true);
        WriteStrings(w, "public_access_cidrs", publicCidrs);
        WriteStrings(w, "security_group_ids", []);
        WriteStrings(w, "subnet_ids", reversed ? subnets.Reverse() : subnets);
        w.WriteString("vpc_id", Vpc(r));
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public static void WriteOsDisk(Utf8JsonWriter w, GeneratedResource r)
    {
        w.WriteStartArray("os_disk");
        w.WriteStartObject();
        w.WriteString("caching", "ReadWrite");
        w.WriteNumber("disk_size_gb", 30);
        w.WriteString("name", $"osdisk-{r.Index}");
        w.WriteString("storage_account_type", "Premium_LRS");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public static void WriteImage(Utf8JsonWriter w)
    {
        w.WriteStartArray("source_image_reference");
        w.WriteStartObject();
        w.WriteString("offer", "0001-com-ubuntu-server-jammy");
        w.WriteString("publisher", "Canonical");
        w.WriteString("sku", "22_04-lts-gen2");
        w.WriteString("version", "latest");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public static void WriteGoogleInstance(Utf8JsonWriter w, GeneratedResource r, bool observed)
    {
        string[] scopes = ["https://www.googleapis.com/auth/cloud-platform", "https://www.googleapis.com/auth/logging.write"];
        w.WriteStartArray("boot_disk");
        w.WriteStartObject();
        w.WriteBoolean("auto_delete", true);
        w.WriteString("device_name", "persistent-disk-0");
        w.WriteStartArray("initialize_params");
        w.WriteStartObject();
        w.WriteString("image", "debian-cloud/debian-12");
        w.WriteNumber("size", 20);
        w.WriteString("type", "pd-balanced");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("mode", "READ_WRITE");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("can_ip_forward", false);
        if (!observed)
        {
            w.WriteString("cpu_platform", "Intel Broadwell");
            w.WriteString("current_status", "RUNNING");
            w.WriteString("instance_id", $"{7000000000000000000L + r.Index}");
            w.WriteString("self_link", "https://www.googleapis.com/compute/v1/" + r.NativeId);
        }

        w.WriteBoolean("deletion_protection", observed && r.Drift == DriftKind.AttributeB);
        w.WriteString("machine_type", observed && r.Drift == DriftKind.AttributeA ? "e2-standard-8" : "e2-medium");
        w.WriteString("name", "vm-" + r.Index);
        w.WriteStartArray("network_interface");
        w.WriteStartObject();
        w.WriteString("network", "default");
        w.WriteString("network_ip", $"10.132.{r.Index % 250}.{r.Index % 200 + 2}");
        w.WriteString("subnetwork", "default");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("service_account");
        w.WriteStartObject();
        w.WriteString("email", $"sa-{r.Service}@bench.iam.gserviceaccount.com");
        WriteStrings(w, "scopes", observed ? scopes.Reverse() : scopes);
        w.WriteEndObject();
        w.WriteEndArray();
        string[] networkTags = ["web", "ssh", r.Service];
        WriteStrings(w, "tags", observed ? networkTags.Reverse() : networkTags);
        w.WriteString("zone", "europe-west1-b");
    }

    /// <summary>
    /// Desired: <c>tags</c> + <c>tags_all</c> (with the provider's default tag), or Google's <c>labels</c> +
    /// <c>terraform_labels</c>. Observed: the adapter's <c>tags</c>/<c>labels</c> attribute, drift applied.
    /// </summary>
    public static void WriteTags(Utf8JsonWriter w, GeneratedResource r, bool observed)
    {
        var google = r.Type == BenchType.GoogleInstance;
        WriteTagObject(w, google ? "labels" : "tags", Tags(r, observed, withDefault: observed));
        if (!observed)
        {
            WriteTagObject(w, google ? "terraform_labels" : "tags_all", Tags(r, observed: false, withDefault: true));
        }
    }

    public static List<KeyValuePair<string, string>> Tags(GeneratedResource r, bool observed, bool withDefault)
    {
        var google = r.Type == BenchType.GoogleInstance;
        var drift = observed ? r.Drift : DriftKind.None;
        var tags = new List<KeyValuePair<string, string>>
        {
            new(google ? "name" : "Name", r.Name),
            new("env", r.Environment),
            new("team", drift == DriftKind.TagChanged ? r.Team + "-moved" : r.Team),
        };
        if (drift != DriftKind.TagRemoved)
        {
            tags.Add(new("service", r.Service));
        }

        if (drift == DriftKind.TagAdded)
        {
            tags.Add(new(google ? "owner" : "Owner", "someone"));
        }

        if (withDefault)
        {
            tags.Add(new(google ? "managed-by" : "ManagedBy", "terraform"));
        }

        return tags;
    }

    private static void WriteTagObject(Utf8JsonWriter w, string name, List<KeyValuePair<string, string>> tags)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in tags)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }
}
