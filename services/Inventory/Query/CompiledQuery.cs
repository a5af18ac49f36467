using Npgsql;

namespace IacPlatform.Inventory.Query;

/// <summary>One SQL statement and its parameters; commands get copies, so a compiled query can run more than once.</summary>
internal sealed record CompiledQuery(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Sql, connection);
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }
}
