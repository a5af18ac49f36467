using System.Text.RegularExpressions;
using IacPlatform.AppHost.Publishing;
using Shouldly;
using static IacPlatform.AppHost.Tests.Publishing.RenderedManifests;

namespace IacPlatform.AppHost.Tests.Publishing;

public sealed partial class PublishTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("iacp-publish-").FullName;

    public static TheoryData<string> Layers => new() { "base", "overlays/dev", "overlays/prod" };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Publish_Rendered_EveryProjectDeploymentHasProbesAndResources(string layer)
    {
        var rendered = await PublishAndRenderAsync(layer);
        var projects = Fleet.Create().Projects.Select(p => p.Name).ToList();

        var deployments = rendered.OfKind("Deployment").ToList();
        deployments.Select(d => Str(d, "metadata", "name")).ShouldBe(projects, ignoreOrder: true);
        foreach (var deployment in deployments)
        {
            var container = At(deployment, "spec", "template", "spec", "containers", 0);
            Str(container, "livenessProbe", "httpGet", "path").ShouldBe("/health/live");
            Str(container, "readinessProbe", "httpGet", "path").ShouldBe("/health/ready");
            foreach (var bound in new[] { "requests", "limits" })
            {
                Str(container, "resources", bound, "cpu").ShouldNotBeNullOrEmpty();
                Str(container, "resources", bound, "memory").ShouldNotBeNullOrEmpty();
            }

            Str(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot").ShouldBe("true");
            Str(container, "securityContext", "readOnlyRootFilesystem").ShouldBe("true");
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Publish_Rendered_NoConfigMapHoldsASecretLookingValue(string layer)
    {
        var rendered = await PublishAndRenderAsync(layer);

        var configMaps = rendered.OfKind("ConfigMap").ToList();
        configMaps.ShouldNotBeEmpty();
        foreach (var map in configMaps)
        {
            var data = At(map, "data") as Dictionary<object, object> ?? [];
            data.Keys.Select(k => k.ToString()!).Where(k => SecretLooking().IsMatch(k) && !string.IsNullOrEmpty(data[k]?.ToString()))
                .ShouldBeEmpty($"ConfigMap {Str(map, "metadata", "name")} carries secret-looking keys");
        }

        rendered.OfKind("Secret").Select(s => Str(s, "metadata", "name")).ShouldContain(n => n!.StartsWith("identity-secrets", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Publish_Rendered_HasInfrastructureStatefulSetsIngressAndMigrationJob(string layer)
    {
        var rendered = await PublishAndRenderAsync(layer);

        var statefulSets = rendered.OfKind("StatefulSet").ToList();
        statefulSets.Select(s => Str(s, "metadata", "name")).ShouldBe(["postgres", "messaging", "cache"], ignoreOrder: true);
        statefulSets.ShouldAllBe(s => At(s, "spec", "volumeClaimTemplates", 0) != null);

        var ingress = rendered.OfKind("Ingress").ShouldHaveSingleItem();
        Str(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name").ShouldBe("gateway");

        // One migration Job per service database.
        var jobs = rendered.OfKind("Job").ToList();
        jobs.Select(job => Str(job, "metadata", "name")).ShouldBe(["identity-migrate", "state-migrate", "inventory-migrate", "drift-migrate"], ignoreOrder: true);
        jobs.ShouldAllBe(job => Str(job, "spec", "template", "spec", "containers", 0, "args", 0) == "--migrate-only");
    }

    [Fact]
    public void Publish_SecretEnvFiles_HoldOnlyPlaceholders()
    {
        KubernetesPublisher.Publish(Fleet.Create(), new PublishOptions { OutputDirectory = _output });

        var values = Directory.GetFiles(Path.Combine(_output, "base", "secrets"), "*.env")
            .SelectMany(File.ReadAllLines)
            .Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..])
            .ToList();

        values.ShouldNotBeEmpty();
        values.Where(v => SecretLooking().IsMatch(v) || v.Length > 20).ShouldAllBe(v => v.Contains(PublishOptions.Placeholder));
        File.Exists(Path.Combine(_output, "secrets.env.example")).ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private async Task<RenderedManifests> PublishAndRenderAsync(string layer)
    {
        KubernetesPublisher.Publish(Fleet.Create(), new PublishOptions { OutputDirectory = _output });
        return await RenderAsync(Path.Combine(_output, layer), TestContext.Current.CancellationToken);
    }

    // A key *id* (State__Encryption__ActiveKeyId) names a key without being one.
    [GeneratedRegex("password|secret|key(?!id)|token|connection", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();
}
