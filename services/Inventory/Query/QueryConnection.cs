using IacPlatform.Inventory.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IacPlatform.Inventory.Query;

/// <summary>Runs raw query SQL on the request's DbContext connection (opened and closed around the work).</summary>
internal static class QueryConnection
{
    public static async Task<T> RunAsync<T>(InventoryDb db, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(connection);
        }
        catch (PostgresException exception) when (exception.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // A data exception (class 22) can only come from a value of the request that validation let through:
            // the request is at fault, so it answers 400 through the error format rather than a 500.
            throw new BadHttpRequestException("A value of the query cannot be used.", StatusCodes.Status400BadRequest, exception);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
