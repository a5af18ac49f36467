namespace IacPlatform.AppHost.Infrastructure;

/// <summary>The last lines a resource wrote, for the ops page, optionally echoed to the console with a prefix.</summary>
internal sealed class ResourceLog(string name, bool echoToConsole = true, int capacity = 200)
{
    private static readonly Lock ConsoleLock = new();
    private static readonly ConsoleColor[] Colors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen];

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly ConsoleColor _color = Colors[(int)((uint)StableHash(name) % Colors.Length)];

    public string Name { get; } = name;

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }

        if (echoToConsole)
        {
            WritePrefixed(Name, _color, line);
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).ToList();
        }
    }

    private static void WritePrefixed(string name, ConsoleColor color, string line)
    {
        lock (ConsoleLock)
        {
            var redirected = Console.IsOutputRedirected;
            if (!redirected)
            {
                Console.ForegroundColor = color;
            }

            Console.Out.Write($"[{name}] ");
            if (!redirected)
            {
                Console.ResetColor();
            }

            Console.Out.WriteLine(line);
        }
    }

    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var c in value)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
