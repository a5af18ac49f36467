using IacPlatform.State.Logs;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Logs;

public sealed class LogRejectionTests
{
    public static TheoryData<string, string> TerraformRejections { get; } = new()
    {
        { "", "The Terraform log is empty." },
        { " \n\t\r\n", "The Terraform log is empty." },
        { "PK\u0003\u0004\0\0binary", "The Terraform log contains NUL bytes" },
        { new string('\u0001', 50) + "Plan: 1 to add", "The Terraform log does not look like text" },
        { "text \uFFFD\uFFFD\uFFFD\uFFFD decoded from Latin-1 \uFFFD\uFFFD", "The Terraform log does not look like text" },
        { "{not json}\n{\"@message\": }\n{'single': 'quotes'}", "None of the 3 JSON lines is a Terraform machine-readable UI message (-json output); first problem at line 1: not valid JSON" },
        { "{\"a\":1}\n{\"b\":2}", "None of the 2 JSON lines is a Terraform machine-readable UI message (-json output); first problem at line 1: valid JSON, but not a Terraform UI message" },
        { "{\"hello\": \"world\"}", "The JSON document is neither a Terraform plan" },
        { "[1, 2, 3]", "No Terraform output was recognized." },
        { "{\"format_version\":\"1.0\",\"values\":{\"root_module\":{}}}", "This is Terraform state as 'terraform show -json' prints it" },
        { "{\"plays\":[],\"stats\":{}}", "This is an Ansible json callback log; upload it to /api/v1/ansible/parse-logs." },
        { "{\"format_version\":\"1.2\",\"resource_changes\":{}}", "The plan's resource_changes must be an array." },
        { "{\"format_version\":\"1.2\",\"resource_changes\":[{\"change\":{\"actions\":[\"create\"]}}]}", "The plan's resource_changes[0] has no address." },
        { "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\"}]}", "The plan's resource_changes[0] (a.b) has no change.actions array." },
        { "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\",\"change\":{\"actions\":[\"update\"],\"after\":{\"y\":1,\"y\":2}}}]}", "The plan's resource_changes[0] has attribute values with duplicate property names." },
        { "{\"type\": 7, \"@message\": \"x\"}", "The JSON document is neither a Terraform plan" },
        { "hello world\nnothing to see here", "No Terraform output was recognized." },
        { "Error: something went wrong", "No Terraform output was recognized." },
        { "config.yaml: parsed\nserver.port: 8080", "No Terraform output was recognized." },
        { "PLAY [all] ****\nok: [web-1]", "No Terraform output was recognized." },
    };

    public static TheoryData<string, string> AnsibleRejections { get; } = new()
    {
        { "", "The Ansible log is empty." },
        { "\u007fELF\u0002\u0001\u0001\0\0\0", "The Ansible log contains NUL bytes" },
        { "{\n  \"plays\": [\n", "The Ansible log starts like JSON but is not valid JSON:" },
        { "{\"foo\": 1}", "The JSON document is not output of Ansible's json callback (expected \"plays\" and \"stats\")." },
        { "{\"plays\": {}, \"stats\": {}}", "The Ansible log's plays must be an array." },
        { "{\"plays\": [{\"tasks\": []}], \"stats\": {}}", "The Ansible log's plays[0] has no \"play\" object." },
        { "{\"plays\": [{\"play\": {\"name\": \"p\"}, \"tasks\": [{\"task\": {\"name\": \"t\"}, \"hosts\": {\"h\": true}}]}], \"stats\": {}}", "The Ansible log's plays[0].tasks[0].hosts.h must be an object." },
        { "{\"format_version\":\"1.2\",\"resource_changes\":[]}", "This is Terraform JSON; upload it to /api/v1/terraform/parse-logs." },
        { "{\"@level\":\"info\",\"@message\":\"Terraform 1.11.4\",\"type\":\"version\"}\n{\"@level\":\"info\",\"@message\":\"x\",\"type\":\"log\"}", "This is Terraform -json output; upload it to /api/v1/terraform/parse-logs." },
        { "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", "No ansible-playbook output was recognized." },
    };

    [Theory]
    [MemberData(nameof(TerraformRejections))]
    public void TerraformParse_MalformedInput_ThrowsWithSpecificMessage(string input, string message)
    {
        var ex = Should.Throw<LogParseException>(() => TerraformLogParser.Parse(input));

        ex.Message.ShouldStartWith(message);
    }

    [Theory]
    [MemberData(nameof(AnsibleRejections))]
    public void AnsibleParse_MalformedInput_ThrowsWithSpecificMessage(string input, string message)
    {
        var ex = Should.Throw<LogParseException>(() => AnsibleLogParser.Parse(input));

        ex.Message.ShouldStartWith(message);
    }
}
