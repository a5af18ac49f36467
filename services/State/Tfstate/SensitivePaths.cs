using System.Text;
using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Reads an instance's <c>sensitive_attributes</c> into <see cref="AttributePaths"/> syntax. Accepted shapes:
/// <list type="bullet">
/// <item>Terraform 0.15 and later: a list of cty paths, each a list of steps <c>{"type":"get_attr","value":"password"}</c>
/// or <c>{"type":"index","value":{"value":0,"type":"number"}}</c>. The index value is cty's typed JSON wrapper;
/// a bare JSON scalar is accepted too, as some tools write it that way.</item>
/// <item>The shape of <c>sensitive_values</c> in <c>terraform show -json</c>: an object mirroring the attributes with
/// <c>true</c> at sensitive leaves, which tools sometimes copy into state files.</item>
/// <item>A list of path strings, as hand-written states sometimes use.</item>
/// </list>
/// A step that cannot be expressed as a path (a set element) ends the path there, so the whole collection is
/// masked: over-masking is safe, under-masking leaks.
/// </summary>
internal static class SensitivePaths
{
    public static IReadOnlyList<string> Read(JsonElement sensitive)
    {
        var paths = new List<string>();
        switch (sensitive.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var entry in sensitive.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Array && FromSteps(entry) is { Length: > 0 } path)
                    {
                        paths.Add(path);
                    }
                    else if (entry.ValueKind == JsonValueKind.String && entry.GetString() is { Length: > 0 } text)
                    {
                        paths.Add(text);
                    }
                }

                break;
            case JsonValueKind.Object:
                FromMirror(sensitive, new StringBuilder(), paths);
                break;
        }

        return paths;
    }

    public static bool IsSensitive(string path, IEnumerable<string> sensitivePaths) =>
        sensitivePaths.Any(sensitive => AttributePaths.IsWithin(path, sensitive));

    private static string FromSteps(JsonElement steps)
    {
        var path = new StringBuilder();
        foreach (var step in steps.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.Object
                || !step.TryGetProperty("type", out var type)
                || !step.TryGetProperty("value", out var value))
            {
                break;
            }

            var key = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var wrapped) ? wrapped : value;
            if (type.ValueEquals("get_attr") && key.ValueKind == JsonValueKind.String)
            {
                AttributePaths.AppendName(path, key.GetString()!);
            }
            else if (type.ValueEquals("index") && key.ValueKind == JsonValueKind.Number && key.TryGetInt64(out var index))
            {
                AttributePaths.AppendIndex(path, index);
            }
            else if (type.ValueEquals("index") && key.ValueKind == JsonValueKind.String)
            {
                AttributePaths.AppendName(path, key.GetString()!);
            }
            else
            {
                break;
            }
        }

        return path.ToString();
    }

    private static void FromMirror(JsonElement node, StringBuilder path, List<string> paths)
    {
        var length = path.Length;
        if (node.ValueKind == JsonValueKind.True && length > 0)
        {
            paths.Add(path.ToString());
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                AttributePaths.AppendName(path, property.Name);
                FromMirror(property.Value, path, paths);
                path.Length = length;
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in node.EnumerateArray())
            {
                AttributePaths.AppendIndex(path, index++);
                FromMirror(item, path, paths);
                path.Length = length;
            }
        }
    }
}
