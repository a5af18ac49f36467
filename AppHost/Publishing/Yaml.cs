using YamlDotNet.Serialization;

namespace IacPlatform.AppHost.Publishing;

/// <summary>Manifests are plain ordered maps serialized with YamlDotNet; this keeps the builders close to the YAML they make.</summary>
internal static class Yaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .WithQuotingNecessaryStrings()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>An ordered map; entries whose value is null are left out.</summary>
    public static Dictionary<string, object> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map[key] = value;
            }
        }

        return map;
    }

    public static List<object> List(params object[] items) => [.. items];

    public static string Serialize(object document) => Serializer.Serialize(document);

    public static string Documents(IEnumerable<object> documents) =>
        string.Join("---\n", documents.Select(Serialize));

    public static Dictionary<string, object> Metadata(string name, string component, string? @namespace = null) =>
        Map(("name", name), ("namespace", @namespace), ("labels", Labels(name, component)));

    public static Dictionary<string, object> Labels(string name, string component) => Map(
        ("app.kubernetes.io/name", name),
        ("app.kubernetes.io/component", component),
        ("app.kubernetes.io/part-of", "iacplatform"));

    public static Dictionary<string, object> Selector(string name) => Map(("app.kubernetes.io/name", name));
}
