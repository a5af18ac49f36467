using System.Text.Json;
using IacPlatform.State.Runs;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The main.tf generator (pure; no host): mapping to Terraform resources and safe string literals.</summary>
public sealed class MainTfTests
{
    private static readonly Uri State = new("http://state.test:8080/api/v1/terraform/workspaces/tfres-web-0123456789ab/state");
    private static readonly Uri Lock = new("http://state.test:8080/api/v1/terraform/workspaces/tfres-web-0123456789ab/lock");

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("${path.module}", "\"$${path.module}\"")]
    [InlineData("%{ if true }x%{ endif }", "\"%%{ if true }x%%{ endif }\"")]
    [InlineData("line1\nline2\r\tend", "\"line1\\nline2\\r\\tend\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("$ and % alone", "\"$ and % alone\"")]
    public void Quote_HostileText_RendersOneSafeLiteral(string value, string expected)
    {
        Hcl.Quote(value).ShouldBe(expected);
    }

    [Fact]
    public void Render_InjectionAttempt_StaysInsideOneStringLiteral()
    {
        var hostile = "x\"\n}\nresource \"null_resource\" \"evil\" {\n  provisioner \"local-exec\" { command = \"${file(\"/etc/passwd\")}\" }\n%{ if true }\\";
        var main = MainTf.Render(Spec("terraform", "data", $$"""{"payload": {{JsonSerializer.Serialize(hostile)}}}"""), State, Lock);

        main.ShouldNotContain("null_resource\" \"evil\" {\n");
        main.Split('\n').Count(l => l.StartsWith("resource ", StringComparison.Ordinal)).ShouldBe(1);
        var line = main.Split('\n').Single(l => l.Contains("\"payload\"", StringComparison.Ordinal));
        line.ShouldBe("    \"payload\" = " + Hcl.Quote(hostile));
        // Every template opener is doubled, i.e. an escape, never an interpolation or directive.
        System.Text.RegularExpressions.Regex.IsMatch(line, @"(?<![$])[$][{]|(?<![%])[%][{]").ShouldBeFalse();
        line.ShouldContain("$${file(");
        line.ShouldContain("%%{ if true }");
        line.ShouldEndWith("\\\\\"");
    }

    [Fact]
    public void Render_AwsVm_MapsSettingsToAwsInstance()
    {
        var main = MainTf.Render(Spec("aws", "vm", """
            {"instance_type": "t3.medium", "ami": "ami-0c55b159cbfafe1f0", "region": "us-east-1", "vpc_id": "vpc-abc123",
             "subnet_id": "subnet-xyz789", "key_name": "my-key-pair", "security_groups": ["sg-web-server"]}
            """), State, Lock);

        main.ShouldContain("""
            terraform {
              backend "http" {
                address        = "http://state.test:8080/api/v1/terraform/workspaces/tfres-web-0123456789ab/state"
                lock_address   = "http://state.test:8080/api/v1/terraform/workspaces/tfres-web-0123456789ab/lock"
                unlock_address = "http://state.test:8080/api/v1/terraform/workspaces/tfres-web-0123456789ab/lock"
                username       = "job"
              }

              required_providers {
                aws = {
                  source = "hashicorp/aws"
                }
              }
            }

            provider "aws" {
              region = "us-east-1"
            }

            resource "aws_instance" "this" {
              instance_type          = "t3.medium"
              ami                    = "ami-0c55b159cbfafe1f0"
              subnet_id              = "subnet-xyz789"
              key_name               = "my-key-pair"
              vpc_security_group_ids = ["sg-web-server"]
              tags                   = {
                "Name" = "web"
                "managed_by" = "iacplatform"
              }
            }
            """.ReplaceLineEndings("\n"));
        main.ShouldContain("output \"public_ip\" {\n  value = aws_instance.this.public_ip\n}");
        main.ShouldNotContain("vpc-abc123");
        main.ShouldNotContain("password", Case.Insensitive);
    }

    [Fact]
    public void Render_GcpVm_NestsBlocksAndKeepsDefaults()
    {
        var main = MainTf.Render(Spec("gcp", "vm", """
            {"project": "p1", "zone": "europe-west1-b", "machine_type": "e2-small", "image": "debian-cloud/debian-12", "disk_size_gb": 20}
            """), State, Lock);

        main.ShouldContain("provider \"google\" {\n  project = \"p1\"\n}");
        main.ShouldContain("  boot_disk {\n    initialize_params {\n      image = \"debian-cloud/debian-12\"\n      size  = 20\n    }\n  }");
        main.ShouldContain("  network_interface {\n    network = \"default\"\n  }");
        main.ShouldContain("value = google_compute_instance.this.network_interface[0].network_ip");
    }

    [Fact]
    public void Render_AzureStorage_HasFeaturesBlockAndDefaults()
    {
        var main = MainTf.Render(Spec("azure", "storage", """
            {"account_name": "webdata01", "resource_group_name": "rg", "location": "westeurope", "account_replication_type": "GRS"}
            """), State, Lock);

        main.ShouldContain("provider \"azurerm\" {\n  features {}\n}");
        main.ShouldContain("account_replication_type = \"GRS\"");
        main.ShouldContain("account_tier             = \"Standard\"");
    }

    [Fact]
    public void Render_TerraformData_NeedsNoProviderBlock()
    {
        var main = MainTf.Render(Spec("terraform", "data", """{"size": "small", "count": 2, "on": true, "list": ["a", 1]}"""), State, Lock);

        main.ShouldNotContain("required_providers");
        main.ShouldNotContain("provider \"");
        main.ShouldContain("""
            resource "terraform_data" "this" {
              input = {
                "size" = "small"
                "count" = 2
                "on" = true
                "list" = ["a", 1]
              }
            }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Details_AwsVm_DescribesLikeTheSeed()
    {
        Spec("aws", "vm", """{"instance_type": "t3.medium", "ami": "ami-1", "region": "us-east-1"}""").Details
            .ShouldBe("t3.medium EC2 instance in us-east-1");
    }

    [Fact]
    public void Catalog_EveryKind_RendersWithItsRequiredSettings()
    {
        foreach (var kind in ResourceCatalog.Kinds)
        {
            var settings = kind.Fields.Where(f => f.Required).ToDictionary(f => f.Key, f => (object)(f.Kind switch
            {
                ValueKind.StringList => new[] { "x" },
                ValueKind.Number => 1,
                ValueKind.Bool => true,
                _ => "x",
            }));
            var main = MainTf.Render(Spec(kind.Provider, kind.Type, JsonSerializer.Serialize(settings)), State, Lock);
            main.ShouldContain($"resource \"{kind.TerraformType}\" \"this\" {{");
        }
    }

    private static ResourceSpec Spec(string provider, string type, string configuration)
    {
        using var document = JsonDocument.Parse(configuration);
        var spec = ResourceSpecValidator.Validate("web", provider, type, document.RootElement, out var errors);
        errors.ShouldBeEmpty();
        return spec!;
    }
}
