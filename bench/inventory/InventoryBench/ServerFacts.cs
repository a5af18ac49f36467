using System.Text.RegularExpressions;
using Npgsql;

namespace IacPlatform.Bench.Inventory;

/// <summary>The machine and the PostgreSQL settings that matter for these numbers.</summary>
internal sealed record ServerFacts(string Cpu, int Cores, string Memory, string PostgresVersion, string Settings)
{
    public static async Task<ServerFacts> ReadAsync(string connectionString, CancellationToken ct)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = long.Parse(Regex.Match(File.ReadLines("/proc/meminfo").First(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT split_part(version(), ' on ', 1),
                   string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)
            FROM pg_settings
            WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'fsync', 'synchronous_commit',
                           'max_parallel_workers_per_gather', 'jit', 'default_statistics_target', 'full_page_writes', 'gin_pending_list_limit')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ServerFacts(cpu, Environment.ProcessorCount, $"{memKb / 1024 / 1024} GiB", reader.GetString(0), reader.GetString(1));
    }
}
