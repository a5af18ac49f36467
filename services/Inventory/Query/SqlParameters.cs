using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Inventory.Query;

/// <summary>The parameters of one statement: every value of a request travels here, named <c>@p0</c>, <c>@p1</c>, ….</summary>
internal sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _items = [];

    public IReadOnlyList<NpgsqlParameter> Items => _items;

    /// <summary>Adds a typed parameter and returns its placeholder.</summary>
    public string Add(object? value, NpgsqlDbType type)
    {
        var name = "p" + _items.Count.ToString(CultureInfo.InvariantCulture);
        _items.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return "@" + name;
    }
}
