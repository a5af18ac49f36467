using System.Text.Json;
using System.Text.RegularExpressions;

namespace IacPlatform.State.Domain.Backends;

/// <summary>The keys one backend type accepts, and the checks on their values (also what keeps cloud host names well formed).</summary>
public sealed partial record BackendSchema(string Type, IReadOnlyList<ConfigKey> Keys)
{
    public const int MaxValueLength = 1024;
    public const int MaxJsonLength = 64 * 1024;

    public BackendConfig Parse(JsonElement? config)
    {
        var result = new BackendConfig();
        if (config is not { ValueKind: JsonValueKind.Object } element)
        {
            result.Errors.Add(new("config", $"config must be an object with the settings of the {Type} backend."));
            return result;
        }

        var keys = Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var field = "config." + property.Name;
            if (!keys.TryGetValue(property.Name, out var key))
            {
                result.Errors.Add(new(field, $"'{property.Name}' is not a setting of {Type} backends; allowed: {string.Join(", ", Keys.Select(k => k.Name))}."));
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (Problem(key, property.Value, out var value) is { } problem)
            {
                result.Errors.Add(new(field, $"{property.Name} {problem}"));
            }
            else if (key.Secret)
            {
                result.Secrets[key.Name] = (string)value;
            }
            else
            {
                result.Values[key.Name] = value;
            }
        }

        foreach (var key in Keys.Where(k => k.Required && !result.Values.ContainsKey(k.Name) && !result.Secrets.ContainsKey(k.Name)))
        {
            if (!result.Errors.Exists(e => e.Field == "config." + key.Name))
            {
                result.Errors.Add(new("config." + key.Name, $"{key.Name} is required for {Type} backends."));
            }
        }

        return result;
    }

    private static string? Problem(ConfigKey key, JsonElement element, out object value)
    {
        value = "";
        if (key.Kind == ConfigKeyKind.Flag)
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "must be true or false.";
            }

            value = element.GetBoolean();
            return null;
        }

        if (key.Kind == ConfigKeyKind.JsonObject)
        {
            return JsonObjectProblem(element, out value);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return "must be a string.";
        }

        var text = element.GetString()!.Trim();
        value = text;
        if (text.Length == 0)
        {
            return "must not be empty.";
        }

        if (text.Length > MaxValueLength)
        {
            return $"must be at most {MaxValueLength} characters.";
        }

        if (text.Any(char.IsControl))
        {
            return "must not contain control characters.";
        }

        return key.Kind switch
        {
            ConfigKeyKind.HttpMethod when !MethodPattern().IsMatch(text) => "must be an HTTP method in upper case, such as POST or LOCK.",
            ConfigKeyKind.Uuid when !Guid.TryParse(text, out _) => "must be a UUID.",
            ConfigKeyKind.AwsRegion when !AwsRegionPattern().IsMatch(text) => "must be an AWS region such as us-east-1.",
            ConfigKeyKind.S3Bucket when !S3BucketPattern().IsMatch(text) || text.Contains("..", StringComparison.Ordinal)
                || System.Net.IPAddress.TryParse(text, out _) =>
                "must be an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.",
            ConfigKeyKind.GcsBucket when !GcsBucketPattern().IsMatch(text) || text.Contains("..", StringComparison.Ordinal) =>
                "must be a Cloud Storage bucket name: 3-63 lower-case letters, digits, dots, underscores and hyphens.",
            ConfigKeyKind.AzureStorageAccount when !AzureAccountPattern().IsMatch(text) =>
                "must be a storage account name: 3-24 lower-case letters and digits.",
            ConfigKeyKind.AzureContainer when !AzureContainerPattern().IsMatch(text) || text.Contains("--", StringComparison.Ordinal) =>
                "must be a container name: 3-63 lower-case letters, digits and single hyphens.",
            _ => null,
        };
    }

    private static string? JsonObjectProblem(JsonElement element, out object value)
    {
        value = "";
        string raw;
        if (element.ValueKind == JsonValueKind.Object)
        {
            raw = element.GetRawText();
        }
        else if (element.ValueKind == JsonValueKind.String)
        {
            raw = element.GetString()!;
            try
            {
                using var document = JsonDocument.Parse(raw);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return "must be a JSON object (a service account key), or a string holding one.";
                }
            }
            catch (JsonException)
            {
                return "must be a JSON object (a service account key), or a string holding one.";
            }
        }
        else
        {
            return "must be a JSON object (a service account key), or a string holding one.";
        }

        value = raw;
        return raw.Length > MaxJsonLength ? $"must be at most {MaxJsonLength} characters." : null;
    }

    [GeneratedRegex("^[A-Z]{1,20}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MethodPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AwsRegionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex S3BucketPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GcsBucketPattern();

    [GeneratedRegex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AzureAccountPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AzureContainerPattern();
}
