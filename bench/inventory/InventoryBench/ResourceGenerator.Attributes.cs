using System.Globalization;

namespace IacPlatform.Bench.Inventory;

/// <summary>Attributes by role, as Terraform names them: machine size, numbers, booleans, nested objects, arrays, references.</summary>
internal sealed partial class ResourceGenerator
{
    private string Attributes(BenchAccount account, ResourceType type, WeightedChoice<string> machines, string region, string name)
    {
        Begin();
        var zone = region + (char)('a' + _random.Next(3));
        switch (type.Role)
        {
            case "vm":
                _json.WriteString("instance_type", machines.Pick(_random));
                _json.WriteString("ami", "ami-" + _random.NextInt64().ToString("x12", CultureInfo.InvariantCulture)[..12]);
                _json.WriteString("availability_zone", zone);
                _json.WriteNumber("cpu_core_count", 1 << _random.Next(4));
                _json.WriteBoolean("ebs_optimized", _random.Next(100) < 70);
                _json.WriteBoolean("monitoring", _random.Next(100) < 40);
                _json.WriteString("private_ip", $"10.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}");
                _json.WriteString("subnet_id", Reference(account, "aws_subnet", "subnet-"));
                _json.WriteStartArray("vpc_security_group_ids");
                for (var i = _random.Next(1, 4); i > 0; i--)
                {
                    _json.WriteStringValue(Reference(account, "aws_security_group", "sg-"));
                }

                _json.WriteEndArray();
                _json.WriteStartObject("root_block_device");
                _json.WriteBoolean("encrypted", _random.Next(100) < 80);
                _json.WriteString("volume_id", Reference(account, "aws_ebs_volume", "vol-"));
                _json.WriteNumber("volume_size", 8 << _random.Next(5));
                _json.WriteString("volume_type", _random.Next(100) < 70 ? "gp3" : "gp2");
                _json.WriteEndObject();
                _json.WriteStartObject("metadata_options");
                _json.WriteString("http_endpoint", "enabled");
                _json.WriteString("http_tokens", _random.Next(100) < 65 ? "required" : "optional");
                _json.WriteEndObject();
                break;
            case "disk":
                _json.WriteString("availability_zone", zone);
                _json.WriteNumber("size", 10 * _random.Next(1, 100));
                _json.WriteString("type", _random.Next(3) switch { 0 => "gp2", 1 => "gp3", _ => "io2" });
                _json.WriteNumber("iops", 3000 + 100 * _random.Next(50));
                _json.WriteBoolean("encrypted", _random.Next(100) < 75);
                break;
            case "bucket":
                _json.WriteString("bucket", name);
                _json.WriteBoolean("force_destroy", _random.Next(100) < 10);
                _json.WriteNumber("object_count", _random.Next(5_000_000));
                _json.WriteStartObject("versioning");
                _json.WriteBoolean("enabled", _random.Next(100) < 55);
                _json.WriteEndObject();
                _json.WriteStartObject("server_side_encryption_configuration");
                _json.WriteStartObject("rule");
                _json.WriteStartObject("apply_server_side_encryption_by_default");
                _json.WriteString("sse_algorithm", _random.Next(2) == 0 ? "aws:kms" : "AES256");
                _json.WriteEndObject();
                _json.WriteEndObject();
                _json.WriteEndObject();
                break;
            case "net":
                _json.WriteString("cidr_block", $"10.{_random.Next(256)}.{_random.Next(256)}.0/24");
                _json.WriteString("vpc_id", Reference(account, "aws_vpc", "vpc-"));
                _json.WriteBoolean("enable_dns_support", _random.Next(100) < 90);
                _json.WriteStartArray("ingress");
                for (var i = _random.Next(0, 3); i > 0; i--)
                {
                    var port = _random.Next(4) switch { 0 => 22, 1 => 80, 2 => 443, _ => 5432 };
                    _json.WriteStartObject();
                    _json.WriteNumber("from_port", port);
                    _json.WriteNumber("to_port", port);
                    _json.WriteString("protocol", "tcp");
                    _json.WriteStartArray("cidr_blocks");
                    _json.WriteStringValue(_random.Next(100) < 15 ? "0.0.0.0/0" : "10.0.0.0/8");
                    _json.WriteEndArray();
                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
                break;
            case "db":
                _json.WriteString("engine", _random.Next(100) < 70 ? "postgres" : "mysql");
                _json.WriteString("engine_version", _random.Next(100) < 70 ? "15.4" : "8.0.35");
                _json.WriteString("instance_class", "db." + machines.Values[_random.Next(machines.Values.Count)]);
                _json.WriteNumber("allocated_storage", 20 * _random.Next(1, 50));
                _json.WriteBoolean("multi_az", _random.Next(100) < 40);
                _json.WriteBoolean("storage_encrypted", _random.Next(100) < 85);
                _json.WriteNumber("backup_retention_period", _random.Next(0, 31));
                break;
            default:
                _json.WriteString("arn", $"arn:{type.Service}:{region}:{name}");
                _json.WriteString("description", $"{type.Name} for {name}");
                _json.WriteNumber("memory_size", 128 << _random.Next(5));
                _json.WriteNumber("timeout", _random.Next(3, 900));
                _json.WriteBoolean("enabled", _random.Next(100) < 90);
                break;
        }

        return End();
    }
}
