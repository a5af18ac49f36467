using System.Text;

namespace IacPlatform.State.Tests.Infrastructure;

/// <summary>Small valid v4 states for API tests (the shapes come from Testdata/tfstate and Terraform's own output).</summary>
public static class TerraformStates
{
    public static byte[] Create(string lineage, long serial, params string[] instanceNames)
    {
        var resources = string.Join(",", instanceNames.Select(name => $$"""
            {"mode":"managed","type":"terraform_data","name":"{{name}}","provider":"provider[\"terraform.io/builtin/terraform\"]",
             "instances":[{"schema_version":0,"attributes":{"id":"{{Guid.NewGuid()}}","input":"{{name}}","output":"{{name}}","triggers_replace":null},"sensitive_attributes":[]}]}
            """));
        return Encoding.UTF8.GetBytes($$"""
            {"version":4,"terraform_version":"1.11.4","serial":{{serial}},"lineage":"{{lineage}}",
             "outputs":{"greeting":{"value":"hello","type":"string"},"secret":{"value":"s3cr3t","type":"string","sensitive":true} },
             "resources":[{{resources}}],"check_results":null}
            """);
    }

    /// <summary>Terraform's LockInfo as the CLI sends it.</summary>
    public static string LockInfo(string id, string who = "alice@ci") =>
        $$"""{"ID":"{{id}}","Operation":"OperationTypeApply","Info":"","Who":"{{who}}","Version":"1.11.4","Created":"2026-11-22T10:00:00.000000000Z","Path":""}""";
}
