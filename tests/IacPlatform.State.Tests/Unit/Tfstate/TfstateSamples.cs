using System.Text;

namespace IacPlatform.State.Tests.Unit.Tfstate;

/// <summary>The real fixtures from Testdata/tfstate and small hand-written states.</summary>
internal static class TfstateSamples
{
    public const string Lineage = "7c1d6a52-0000-4000-8000-000000000001";

    public static TheoryData<string> Fixtures { get; } =
        ["v4-cbd.tfstate", "v4-foreach.tfstate", "v4-future.tfstate", "v4-legacy-provider.tfstate", "v4-simple.tfstate"];

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Testdata", "tfstate", name));

    /// <summary>A minimal valid state around the given <c>resources</c> and <c>outputs</c> JSON.</summary>
    public static byte[] StateJson(string resources = "[]", string outputs = "{}", long serial = 1, string extra = "") =>
        Encoding.UTF8.GetBytes(
            $$"""{"version":4,"terraform_version":"1.9.8","serial":{{serial}},"lineage":"{{Lineage}}","outputs":{{outputs}},"resources":{{resources}}{{extra}}}""");

    /// <summary>One managed resource entry; <paramref name="instances"/> is the JSON array of instance objects.</summary>
    public static string Resource(string type, string name, string instances, string? module = null, string extra = "") =>
        $$"""{{{(module is null ? "" : $"\"module\":{Quote(module)},")}}"mode":"managed","type":"{{type}}","name":"{{name}}","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]"{{extra}},"instances":{{instances}}}""";

    /// <summary>An instance object with the given attributes JSON and optional index key JSON (<c>0</c>, <c>"blue"</c>).</summary>
    public static string Instance(string attributes, string? key = null, string extra = "") =>
        $$"""{{{(key is null ? "" : $"\"index_key\":{key},")}}"schema_version":0,"attributes":{{attributes}}{{extra}}}""";

    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
