using System.Text;
using IacPlatform.State.Tfstate;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class TfstateRejectionTests
{
    private const string Header = """ "serial":1,"lineage":"l","terraform_version":"1.9.8" """;

    public static TheoryData<string, string, string?> Rejections { get; } = new()
    {
        { $$"""{"version":3,{{Header}}}""", "State format version 3 is not supported; only version 4 (Terraform 0.12 and later) is accepted.", "version" },
        { $$"""{"version":5,{{Header}}}""", "State format version 5 is not supported; only version 4 (Terraform 0.12 and later) is accepted.", "version" },
        { $$"""{"version":"4",{{Header}}}""", "\"version\" must be the number 4, but it is the string \"4\".", "version" },
        { $$"""{{{Header}}}""", "The state has no \"version\" field", "version" },
        { """{"version":4,"serial":1,"terraform_version":"1.9.8"}""", "The state has no \"lineage\"", "lineage" },
        { """{"version":4,"serial":1,"lineage":""}""", "The state has no \"lineage\"", "lineage" },
        { """{"version":4,"lineage":"l"}""", "The state has no \"serial\" field", "serial" },
        { """{"version":4,"serial":-1,"lineage":"l"}""", "\"serial\" must be a non-negative integer, but it is the number -1.", "serial" },
        { """{"version":4,"serial":"7","lineage":"l"}""", "\"serial\" must be a non-negative integer, but it is the string \"7\".", "serial" },
        { """{"version":4,"serial":1,"lineage":42}""", "lineage must be a string, but it is the number 42.", "lineage" },
        { "terraform state, honest", "The state is not valid JSON:", null },
        { "", "The state is empty", null },
        { """[{"version":4}]""", "The state must be a JSON object, but it is an array.", "$" },
        { """{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"man""", "The state is not valid JSON:", null },
        { """{"version":4,"serial":1,"lineage":"l"} {}""", "The state is not valid JSON:", null },
        { """{"version":4,"serial":1,"lineage":"l","resources":{}}""", "\"resources\" must be an array, but it is an object.", "resources" },
        { """{"version":4,"serial":1,"lineage":"l","resources":[7]}""", "resources[0] must be an object, but it is the number 7.", "resources[0]" },
        { """{"version":4,"serial":1,"lineage":"l","outputs":[]}""", "\"outputs\" must be an object, but it is an array.", "outputs" },
        { Resources("""{"mode":"managed","type":"a_b","name":"c","provider":"p","instances":[{"index_key":true}]}"""),
            "resources[0].instances[0].index_key must be an integer (count) or a string (for_each), but it is true.", "resources[0].instances[0].index_key" },
        { Resources("""{"mode":"managed","type":"a_b","name":"c","provider":"p","instances":[{"index_key":1.5}]}"""),
            "resources[0].instances[0].index_key must be an integer (count) or a string (for_each), but it is the number 1.5.", "resources[0].instances[0].index_key" },
        { Resources("""{"mode":"managed","type":"a_b","name":"c","provider":"p","instances":{}}"""),
            "resources[0].instances must be an array, but it is an object.", "resources[0].instances" },
        { Resources("""{"mode":"resource","type":"a_b","name":"c","provider":"p","instances":[]}"""),
            "resources[0].mode must be \"managed\" or \"data\", but it is \"resource\".", "resources[0].mode" },
        { Resources("""{"mode":"managed","name":"c","provider":"p","instances":[]}"""), "resources[0].type must be a non-empty string.", "resources[0].type" },
        { Resources("""{"mode":"managed","type":"a_b","name":"c","instances":[]}"""), "resources[0].provider must name the provider configuration", "resources[0].provider" },
        { Resources("""{"module":"module.","mode":"managed","type":"a_b","name":"c","provider":"p","instances":[]}"""),
            "resources[0].module is not a module address: Invalid module address \"module.\"", "resources[0].module" },
        { Resources("""{"mode":"managed","type":"a_b","name":"c","each":"set","provider":"p","instances":[]}"""),
            "resources[0].each must be \"list\" or \"map\", but it is \"set\".", "resources[0].each" },
        { Resources("""{"mode":"managed","type":"a_b","name":"c","provider":"p","instances":[{"index_key":0},{"index_key":0}]}"""),
            "Resource instance a_b.c[0] appears more than once in the state.", "resources[0].instances" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Scan_InvalidState_ThrowsWithMessageAndPath(string json, string message, string? path)
    {
        var ex = Should.Throw<TfstateFormatException>(() => TfstateScanner.Scan(Encoding.UTF8.GetBytes(json)));

        ex.Message.ShouldContain(message);
        ex.Path.ShouldBe(path);
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Parse_InvalidState_ThrowsTheScannersMessage(string json, string message, string? path)
    {
        var ex = Should.Throw<TfstateFormatException>(() => TfstateDocument.Parse(Encoding.UTF8.GetBytes(json)));

        ex.Message.ShouldContain(message);
        ex.Path.ShouldBe(path);
    }

    private static string Resources(string resource) =>
        $$"""{"version":4,"serial":1,"lineage":"l","resources":[{{resource}}]}""";
}
