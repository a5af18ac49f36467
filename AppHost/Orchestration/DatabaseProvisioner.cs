using Npgsql;

namespace IacPlatform.AppHost.Orchestration;

internal static class DatabaseProvisioner
{
    public static string ConnectionStringFor(string adminConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    /// <summary>CREATE DATABASE when it does not exist yet; returns its connection string.</summary>
    public static async Task<string> EnsureDatabaseAsync(string adminConnectionString, string database, CancellationToken ct)
    {
        Model.ResourceNames.ValidateDatabase(database);
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                // The name is validated above ([a-z_][a-z0-9_]*), and identifiers cannot be parameters.
#pragma warning disable CA2100
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
#pragma warning restore CA2100
                try
                {
                    await create.ExecuteNonQueryAsync(ct);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Created concurrently by someone else: fine.
                }
            }
        }

        return ConnectionStringFor(adminConnectionString, database);
    }
}
