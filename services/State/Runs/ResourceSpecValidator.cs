using System.Text.Json;
using System.Text.RegularExpressions;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.State.Runs;

/// <summary>
/// Checks a resource request at the boundary and reports every problem at once: the name, the provider and
/// type, and the configuration (an object of scalars and arrays of scalars, bounded in size, with keys a
/// Terraform identifier could be, and the settings the resource type takes).
/// </summary>
public static partial class ResourceSpecValidator
{
    public const int MaxSettings = 50;
    public const int MaxKeyLength = 64;
    public const int MaxStringLength = 1024;
    public const int MaxArrayItems = 50;
    public const int MaxNumberLength = 40;
    public const int MaxConfigurationBytes = 16 * 1024;

    public static ResourceSpec? Validate(
        string? name, string? provider, string? type, JsonElement? configuration, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        if (name is null || !NamePattern().IsMatch(name))
        {
            found.Add(new FieldError("name", $"name is required: 1 to {TerraformResource.MaxNameLength} characters of a-z, 0-9 and '-'."));
        }

        ResourceKind? kind = null;
        if (string.IsNullOrEmpty(provider) || !ResourceCatalog.Providers.Contains(provider, StringComparer.Ordinal))
        {
            found.Add(new FieldError("provider", $"provider must be one of: {string.Join(", ", ResourceCatalog.Providers)}."));
        }
        else if (string.IsNullOrEmpty(type) || (kind = ResourceCatalog.Find(provider, type)) is null)
        {
            found.Add(new FieldError("type", $"type must be one of {string.Join(", ", ResourceCatalog.TypesOf(provider))} for provider '{provider}'."));
        }

        var settings = ReadSettings(configuration, found);
        if (kind is not null && settings is not null)
        {
            CheckAgainstKind(kind, settings, found);
        }

        errors = found;
        return found.Count == 0 ? new ResourceSpec(name!, kind!, settings!) : null;
    }

    private static List<KeyValuePair<string, JsonElement>>? ReadSettings(JsonElement? configuration, List<FieldError> errors)
    {
        if (configuration is not { } config || config.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("configuration", "configuration must be a JSON object."));
            return null;
        }

        if (System.Text.Encoding.UTF8.GetByteCount(config.GetRawText()) > MaxConfigurationBytes)
        {
            errors.Add(new FieldError("configuration", $"configuration must be at most {MaxConfigurationBytes} bytes of JSON."));
            return null;
        }

        var settings = new List<KeyValuePair<string, JsonElement>>();
        var before = errors.Count;
        foreach (var property in config.EnumerateObject())
        {
            var field = $"configuration.{property.Name}";
            if (!KeyPattern().IsMatch(property.Name))
            {
                errors.Add(new FieldError("configuration", $"'{Shorten(property.Name)}' is not a valid key: keys are 1 to {MaxKeyLength} characters of a-z, 0-9 and '_', not starting with a digit."));
            }
            else if (settings.Exists(s => s.Key == property.Name))
            {
                errors.Add(new FieldError(field, $"{property.Name} is given more than once."));
            }
            else if (CheckValue(property.Value) is { } problem)
            {
                errors.Add(new FieldError(field, problem));
            }
            else
            {
                settings.Add(KeyValuePair.Create(property.Name, property.Value.Clone()));
            }
        }

        if (settings.Count > MaxSettings)
        {
            errors.Add(new FieldError("configuration", $"configuration may have at most {MaxSettings} settings."));
        }

        return errors.Count == before ? settings : null;
    }

    private static string? CheckValue(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() > MaxArrayItems)
            {
                return $"arrays may have at most {MaxArrayItems} items.";
            }

            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null)
                {
                    return "array items must be strings, numbers or booleans.";
                }

                if (CheckScalar(item) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Null
            ? "values must be strings, numbers, booleans or arrays of those."
            : CheckScalar(value);
    }

    private static string? CheckScalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length > MaxStringLength)
                {
                    return $"strings must be at most {MaxStringLength} characters.";
                }

                return IsWellFormed(text) ? null : "strings must be valid Unicode text.";
            case JsonValueKind.Number:
                return value.GetRawText().Length > MaxNumberLength || !double.IsFinite(value.GetDouble())
                    ? $"numbers must be finite and at most {MaxNumberLength} characters long."
                    : null;
            default:
                return null;
        }
    }

    private static void CheckAgainstKind(ResourceKind kind, List<KeyValuePair<string, JsonElement>> settings, List<FieldError> errors)
    {
        if (kind.FreeForm)
        {
            return;
        }

        foreach (var (key, value) in settings)
        {
            var field = kind.Field(key);
            if (field is null)
            {
                errors.Add(new FieldError($"configuration.{key}",
                    $"{key} is not a setting of {kind.Provider}/{kind.Type}; its settings are {string.Join(", ", kind.Fields.Select(f => f.Key))}."));
            }
            else if (!Matches(field.Kind, value))
            {
                errors.Add(new FieldError($"configuration.{key}", $"{key} must be {Describe(field.Kind)}."));
            }
        }

        foreach (var missing in kind.Fields.Where(f => f.Required && !settings.Exists(s => s.Key == f.Key)))
        {
            errors.Add(new FieldError($"configuration.{missing.Key}", $"{missing.Key} is required for {kind.Provider}/{kind.Type}."));
        }
    }

    private static bool Matches(ValueKind kind, JsonElement value) => kind switch
    {
        ValueKind.Text => value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
        ValueKind.Number => value.ValueKind == JsonValueKind.Number,
        ValueKind.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        ValueKind.StringList => value.ValueKind == JsonValueKind.Array
            && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String && item.GetString()!.Length > 0),
        _ => true,
    };

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Text => "a non-empty string",
        ValueKind.Number => "a number",
        ValueKind.Bool => "true or false",
        ValueKind.StringList => "an array of non-empty strings",
        _ => "a scalar or an array of scalars",
    };

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string key) => key.Length > MaxKeyLength ? key[..MaxKeyLength] + "…" : key;

    [GeneratedRegex("^[a-z0-9-]{1,63}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,63}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex KeyPattern();
}
