using System.Globalization;
using System.Runtime.InteropServices;

namespace IacPlatform.AppHost.Infrastructure;

/// <summary>Signals and inspects a whole process group, so servers that fork (RabbitMQ, runuser) leave nothing behind.</summary>
internal static partial class ProcessGroup
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static void Signal(int processGroupId, int signal)
    {
        if (processGroupId > 1)
        {
            _ = NativeKill(-processGroupId, signal);
        }
    }

    public static void SignalProcess(int processId, int signal)
    {
        if (processId > 1)
        {
            _ = NativeKill(processId, signal);
        }
    }

    /// <summary>Members of the group that are still running (zombies waiting for a reaper do not count).</summary>
    public static IReadOnlyList<int> LiveMembers(int processGroupId)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // "pid (comm) state ppid pgrp ...": comm may contain spaces, so parse after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 2 && fields[0] != "Z" && fields[0] != "X"
                && int.Parse(fields[2], CultureInfo.InvariantCulture) == processGroupId)
            {
                members.Add(pid);
            }
        }

        return members;
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then SIGKILLs whatever is left.</summary>
    public static async Task TerminateAsync(int processGroupId, int signal, TimeSpan grace, CancellationToken ct = default)
    {
        if (LiveMembers(processGroupId).Count == 0)
        {
            return;
        }

        Signal(processGroupId, signal);
        if (await WaitEmptyAsync(processGroupId, grace, ct))
        {
            return;
        }

        Signal(processGroupId, SigKill);
        _ = await WaitEmptyAsync(processGroupId, TimeSpan.FromSeconds(10), ct);
    }

    public static async Task<bool> WaitEmptyAsync(int processGroupId, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (LiveMembers(processGroupId).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, ct);
        }

        return true;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int sig);
}
