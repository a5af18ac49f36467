using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;

namespace IacPlatform.Drift.Detection;

/// <summary>Differences as stored (jsonb, snake_case) and their fingerprint (what makes a finding "the same drift").</summary>
internal static class DifferenceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IReadOnlyList<StoredDifference> ToStored(IEnumerable<AttributeDifference> differences) =>
        [.. differences.Select(d => new StoredDifference(d.Path, d.Expected?.DeepClone(), d.Actual?.DeepClone(), d.Kind, d.Severity, d.Rule, d.Reason, d.IgnoredBy))];

    public static string Serialize(IEnumerable<AttributeDifference> differences) =>
        JsonSerializer.Serialize(ToStored(differences), Options);

    public static IReadOnlyList<StoredDifference> Parse(string json) =>
        JsonSerializer.Deserialize<List<StoredDifference>>(json, Options) ?? [];

    /// <summary>Status, severity and the counted differences' paths and values: a change in any of them is news.</summary>
    public static string Fingerprint(ResourceFinding finding, string differencesJson)
    {
        var text = $"{finding.Status}|{finding.Severity}|{differencesJson}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
