using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.State.Tfstate;

/// <summary>The key of a resource or module instance: none, a count index or a for_each key.</summary>
internal readonly record struct InstanceKey
{
    private InstanceKey(InstanceKeyKind kind, long intValue, string? stringValue)
    {
        Kind = kind;
        IntValue = intValue;
        StringValue = stringValue;
    }

    public static InstanceKey None => default;

    public InstanceKeyKind Kind { get; }

    public long IntValue { get; }

    public string? StringValue { get; }

    public bool IsNone => Kind == InstanceKeyKind.None;

    /// <summary>The legacy <c>each</c> value of a resource whose instances have keys like this one.</summary>
    public string? EachMode => Kind switch
    {
        InstanceKeyKind.Int => "list",
        InstanceKeyKind.String => "map",
        _ => null,
    };

    public static InstanceKey Of(long value) => new(InstanceKeyKind.Int, value, null);

    public static InstanceKey Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new InstanceKey(InstanceKeyKind.String, 0, value);
    }

    /// <summary>
    /// Accepts what an API caller may pass as a key: null, an integer, a string, an <see cref="InstanceKey"/>, or the
    /// <see cref="JsonElement"/> or <see cref="JsonValue"/> that System.Text.Json produces for an <c>object</c> field.
    /// </summary>
    public static bool TryFrom(object? value, out InstanceKey key)
    {
        (var ok, key) = value switch
        {
            null => (true, None),
            InstanceKey k => (true, k),
            string s => (true, Of(s)),
            int i => (true, Of(i)),
            long l => (true, Of(l)),
            short s => (true, Of(s)),
            byte b => (true, Of(b)),
            uint u => (true, Of(u)),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => (true, None),
            JsonElement { ValueKind: JsonValueKind.String } e => (true, Of(e.GetString()!)),
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var n) => (true, Of(n)),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => (true, Of(v.GetValue<string>())),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number
                && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => (true, Of(n)),
            _ => (false, None),
        };
        return ok;
    }

    /// <summary>Terraform's ordering of instances in a state file: no key, then count indexes, then for_each keys.</summary>
    public static int Compare(InstanceKey a, InstanceKey b) =>
        a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind)
        : a.Kind == InstanceKeyKind.Int ? a.IntValue.CompareTo(b.IntValue)
        : string.CompareOrdinal(a.StringValue, b.StringValue);

    /// <summary>The <c>index_key</c> JSON value; null for no key.</summary>
    public JsonNode? ToJsonNode() => Kind switch
    {
        InstanceKeyKind.Int => JsonValue.Create(IntValue),
        InstanceKeyKind.String => JsonValue.Create(StringValue),
        _ => null,
    };

    /// <summary>The address suffix: empty, <c>[0]</c> or <c>["blue"]</c>.</summary>
    public override string ToString() => Kind switch
    {
        InstanceKeyKind.Int => "[" + IntValue.ToString(CultureInfo.InvariantCulture) + "]",
        InstanceKeyKind.String => "[" + HclQuoting.Quote(StringValue!) + "]",
        _ => "",
    };
}
