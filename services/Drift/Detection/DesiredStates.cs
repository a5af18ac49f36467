using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.Contracts.State;
using IacPlatform.Drift.Data;
using IacPlatform.Drift.Domain;
using IacPlatform.Drift.Engine;
using IacPlatform.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace IacPlatform.Drift.Detection;

/// <summary>The outcome of asking State for a workspace's current state.</summary>
internal sealed record StateFetch(bool Exists, byte[]? Content);

/// <summary>
/// The desired side: reads a workspace's current state from State (with this service's token), and keeps its
/// resource instances in <c>managed_resources</c> so single resources can be checked without asking State again.
/// </summary>
internal sealed class DesiredStates(IStateContentApi state, ServiceTokenSource tokens)
{
    /// <summary>Asks State; 404 means no such workspace, 204 an empty one. Other answers throw (the job fails, events retry).</summary>
    public async Task<StateFetch> FetchCurrentAsync(string workspace, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync("state.read", cancellationToken);
        using var response = await state.GetCurrentStateAsync(workspace, "Bearer " + token, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => new StateFetch(true, await response.Content.ReadAsByteArrayAsync(cancellationToken)),
            HttpStatusCode.NoContent => new StateFetch(true, null),
            HttpStatusCode.NotFound => new StateFetch(false, null),
            _ => throw new DetectionException($"State answered {(int)response.StatusCode} for workspace {workspace}; the check will run again."),
        };
    }

    /// <summary>
    /// Serialises, until the caller's transaction ends, everything that registers a workspace or replaces its
    /// resources: two jobs of one workspace (or a job and the StateVersionCreated consumer) would otherwise both insert
    /// the same <c>known_workspaces</c> row, or both copy the same <c>managed_resources</c> rows, and one would fail.
    /// The two-key advisory lock space does not overlap FindingWriter's single-key lock.
    /// </summary>
    public static async Task LockWorkspaceAsync(DriftDb db, string workspace, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WorkspaceLockSpace}, hashtext({workspace}))", cancellationToken);

    private const int WorkspaceLockSpace = 0x44525753; // "DRWS"

    /// <summary>The state's <c>serial</c>, read without materialising the document.</summary>
    public static long SerialOf(byte[]? content)
    {
        if (content is null)
        {
            return 0;
        }

        var reader = new Utf8JsonReader(content);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSerial = reader.ValueTextEquals("serial"u8);
            reader.Read();
            if (isSerial && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var serial))
            {
                return serial;
            }

            reader.Skip();
        }

        return 0;
    }

    /// <summary>Replaces the workspace's managed resources with <paramref name="resources"/> (binary COPY), in the caller's transaction if any.</summary>
    public static async Task ReplaceAsync(
        DriftDb db, string workspace, long serial, IReadOnlyList<DesiredResource> resources, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM managed_resources WHERE workspace = {workspace}", cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY managed_resources (workspace, address, type, native_id, provider, attributes, serial) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var resource in resources)
        {
            if (!seen.Add(resource.Address))
            {
                continue;
            }

            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(workspace, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(resource.Address, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(resource.Type, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(resource.NativeId, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(resource.Provider, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(resource.Attributes.ToJsonString(), NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(serial, NpgsqlDbType.Bigint, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The workspace's managed resources as the engine takes them.</summary>
    public static async Task<List<DesiredResource>> LoadAsync(DriftDb db, string workspace, CancellationToken cancellationToken)
    {
        var rows = await db.ManagedResources.AsNoTracking().Where(r => r.Workspace == workspace)
            .OrderBy(r => r.Address).ToListAsync(cancellationToken);
        return [.. rows.Select(ToDesired)];
    }

    /// <summary>Every workspace's managed resources with one of <paramref name="keys"/>.</summary>
    public static async Task<List<DesiredResource>> LoadAsync(DriftDb db, IReadOnlyCollection<CheckKey> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => k.NativeId).Distinct().ToList();
        var wanted = keys.ToHashSet();
        var rows = await db.ManagedResources.AsNoTracking().Where(r => ids.Contains(r.NativeId))
            .OrderBy(r => r.Workspace).ThenBy(r => r.Address).ToListAsync(cancellationToken);
        return [.. rows.Where(r => wanted.Contains(new CheckKey(r.Type, r.NativeId))).Select(ToDesired)];
    }

    private static DesiredResource ToDesired(ManagedResource row) =>
        new(row.Workspace, row.Address, row.Type, row.Provider, row.NativeId,
            JsonNode.Parse(row.Attributes) as JsonObject ?? []);
}
