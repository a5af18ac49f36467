using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IacPlatform.Drift.Tests.Infrastructure;

/// <summary>
/// The last log lines of one service under test (the platform's own categories from Information, everything else
/// from Warning), so a failed wait can say what the services were doing.
/// </summary>
public sealed class LogBuffer : ILoggerProvider
{
    private const int Capacity = 400;
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public string Tail(int count = 60) => string.Join('\n', _lines.TakeLast(count));

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(LogBuffer buffer, string category) : ILogger
    {
        private readonly LogLevel _minimum = category.StartsWith("IacPlatform", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= _minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var shortCategory = category[(category.LastIndexOf('.') + 1)..];
            buffer.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel.ToString()[..4]} {shortCategory}: {formatter(state, exception)}"
                + (exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message}]"));
        }
    }
}
