using System.Text;
using System.Text.Json;
using IacPlatform.State.Tfstate;

namespace IacPlatform.State.Runs;

/// <summary>
/// HCL literals for values that come from requests. Strings are always quoted literals with every escape HCL
/// knows (quotes, backslashes, control characters, and the template openers <c>${</c> / <c>%{</c> doubled), so
/// no value can end the string, start an interpolation or directive, or add a line to main.tf.
/// </summary>
public static class Hcl
{
    public static string Quote(string value) => HclQuoting.Quote(value);

    /// <summary>A validated configuration value: string, number, bool, or an array of those.</summary>
    public static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        // JSON number syntax is a subset of HCL's (a leading '-' is HCL's unary minus); validation bounded its length.
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Value)) + "]",
        _ => throw new ArgumentException($"A {value.ValueKind} cannot be rendered; validation admits only scalars and arrays of scalars.", nameof(value)),
    };

    /// <summary>An object constructor with quoted keys (a bare key such as <c>for</c> or <c>true</c> would be read as syntax).</summary>
    public static string Map(IEnumerable<KeyValuePair<string, string>> items, int indent)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pad = new string(' ', indent + 2);
        var builder = new StringBuilder("{\n");
        foreach (var (key, expression) in items)
        {
            builder.Append(pad).Append(Quote(key)).Append(" = ").Append(expression).Append('\n');
        }

        return builder.Append(' ', indent).Append('}').ToString();
    }
}
