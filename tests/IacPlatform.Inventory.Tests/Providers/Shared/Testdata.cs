using System.Text.Json.Nodes;

namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>Recorded provider responses and expected normalised resources under Testdata/.</summary>
public static class Testdata
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Testdata", file));

    public static JsonNode Json(string file) => JsonNode.Parse(Read(file))!;
}
