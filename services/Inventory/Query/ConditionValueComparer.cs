using System.Globalization;
using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>Equality of condition values, JSON values by their text.</summary>
internal sealed class ConditionValueComparer : IEqualityComparer<object?>
{
    public static readonly ConditionValueComparer Instance = new();

    public new bool Equals(object? x, object? y) => Key(x) == Key(y);

    public int GetHashCode(object? obj) => Key(obj)?.GetHashCode(StringComparison.Ordinal) ?? 0;

    private static string? Key(object? value) => value switch
    {
        null => null,
        JsonElement json => "j:" + json.GetRawText(),
        IFormattable formattable => formattable.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => "s:" + value,
    };
}
