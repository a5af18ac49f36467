using System.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace IacPlatform.AppHost.Tests.Publishing;

/// <summary>Output of <c>kubectl kustomize DIR</c>, parsed into plain maps.</summary>
internal sealed class RenderedManifests(IReadOnlyList<Dictionary<object, object>> documents)
{
    public IReadOnlyList<Dictionary<object, object>> Documents { get; } = documents;

    public IEnumerable<Dictionary<object, object>> OfKind(string kind) => Documents.Where(d => Str(d, "kind") == kind);

    public static async Task<RenderedManifests> RenderAsync(string directory, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed: {await stderr}");
        }

        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(await stdout));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser));
        }

        return new RenderedManifests(documents);
    }

    public static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value : null,
                (List<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }

        return node;
    }

    public static string? Str(object? node, params object[] path) => At(node, path)?.ToString();
}
