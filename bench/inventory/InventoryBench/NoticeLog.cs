using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IacPlatform.Bench.Inventory;

/// <summary>
/// Diagnostics (<c>--auto-explain FILE</c>): collects the notices PostgreSQL sends to every Npgsql connection of the
/// process, which is how auto_explain's plans (auto_explain.log_level = notice) of the sync's own statements, on
/// connections the bench does not own, reach us.
/// </summary>
internal sealed class NoticeLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _notices = new();

    public IReadOnlyCollection<string> Notices => _notices;

    /// <summary>auto_explain (with ANALYZE, nested statements) of every statement over 200 ms, for new sessions of the bench database.</summary>
    public static async Task EnableAutoExplainAsync(string connectionString, CancellationToken ct)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(ct);
            foreach (var setting in new[]
            {
                "session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 200", "auto_explain.log_level = 'notice'",
                "auto_explain.log_analyze = on", "auto_explain.log_nested_statements = on",
            })
            {
                await InventoryLoader.ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" SET {setting}", ct);
            }
        }

        // Pooled sessions opened before would not load the library.
        NpgsqlConnection.ClearAllPools();
    }

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose()
    {
    }

    private sealed class Collector(NoticeLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            if (message.StartsWith("Received notice", StringComparison.Ordinal))
            {
                owner._notices.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {message}");
            }
        }
    }
}
