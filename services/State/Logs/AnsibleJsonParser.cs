using System.Text.Json;

namespace IacPlatform.State.Logs;

/// <summary>
/// The json stdout callback (<c>ANSIBLE_STDOUT_CALLBACK=json</c>, ansible.posix.json): one document with
/// <c>plays[].play{name,duration}</c>, <c>plays[].tasks[].task{name,id,duration}</c>,
/// <c>plays[].tasks[].hosts.HOST{action,changed,failed,skipped,unreachable,...}</c> and <c>stats.HOST{ok,changed,
/// failures,unreachable,skipped,rescued,ignored}</c>.
/// </summary>
internal static class AnsibleJsonParser
{
    public static bool IsCallbackOutput(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("plays", out _) && root.TryGetProperty("stats", out _);

    /// <exception cref="LogParseException">A play, task or host result is not shaped as the callback writes it.</exception>
    public static AnsibleLogSummary Parse(JsonElement root, string? sourceName)
    {
        var tally = new AnsibleRunTally();
        var p = 0;
        foreach (var play in Array(root, "plays", "plays"))
        {
            var playPath = $"plays[{p++}]";
            var header = Object(play, "play", playPath);
            tally.StartPlay(String(header, "name") ?? "");
            ObserveDuration(header, tally);
            var t = 0;
            foreach (var task in Array(play, "tasks", $"{playPath}.tasks"))
            {
                var taskPath = $"{playPath}.tasks[{t++}]";
                var info = Object(task, "task", taskPath);
                tally.StartTask(String(info, "name") ?? "", String(info, "id"));
                ObserveDuration(info, tally);
                foreach (var host in Object(task, "hosts", taskPath).EnumerateObject())
                {
                    if (host.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new LogParseException($"The Ansible log's {taskPath}.hosts.{host.Name} must be an object.");
                    }

                    Record(tally, host.Name, host.Value, String(info, "action"));
                }
            }
        }

        foreach (var host in Object(root, "stats", "").EnumerateObject())
        {
            if (host.Value.ValueKind != JsonValueKind.Object)
            {
                throw new LogParseException($"The Ansible log's stats.{host.Name} must be an object.");
            }

            var s = host.Value;
            tally.Stats(host.Name, new AnsibleHostStats(
                Int(s, "ok"), Int(s, "changed"), Int(s, "unreachable"), Int(s, "failures"), Int(s, "skipped"),
                Int(s, "rescued"), Int(s, "ignored")));
        }

        return tally.Build("json", sourceName);
    }

    private static void Record(AnsibleRunTally tally, string host, JsonElement result, string? taskAction)
    {
        var outcome = True(result, "unreachable") ? AnsibleOutcome.Unreachable
            : True(result, "skipped") ? AnsibleOutcome.Skipped
            : True(result, "failed") ? (True(result, "_ansible_ignore_errors") ? AnsibleOutcome.Ignored : AnsibleOutcome.Failed)
            : AnsibleOutcome.Ok;

        // Newer callbacks put the module on each host result, older ones (ansible 2.x core) on the task.
        tally.Record(host, outcome, True(result, "changed"), String(result, "action") ?? taskAction);
    }

    private static void ObserveDuration(JsonElement header, AnsibleRunTally tally)
    {
        if (!header.TryGetProperty("duration", out var duration) || duration.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var edge in (ReadOnlySpan<string>)["start", "end"])
        {
            if (String(duration, edge) is { } stamp && LogText.TryParseInstant(stamp, out var at))
            {
                tally.Observe(at);
            }
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new LogParseException($"The Ansible log's {path} must be an array.");

    private static JsonElement Object(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new LogParseException(path.Length == 0
                ? $"The Ansible log has no \"{name}\" object."
                : $"The Ansible log's {path} has no \"{name}\" object.");

    private static bool True(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;
}
