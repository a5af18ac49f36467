using IacPlatform.AppHost.Model;
using static IacPlatform.AppHost.Publishing.Yaml;

namespace IacPlatform.AppHost.Publishing;

/// <summary>dev (one small replica each) and prod (two replicas, more resources) overlays over the base.</summary>
internal static class Overlays
{
    public static IEnumerable<Dictionary<string, string>> All(FleetModel model)
    {
        _ = model;
        yield return Overlay("dev", replicas: 1, requests: ("50m", "128Mi"), limits: ("500m", "384Mi"), environment: "Staging");
        yield return Overlay("prod", replicas: 2, requests: ("250m", "256Mi"), limits: ("2", "1Gi"), environment: "Production");
    }

    private static Dictionary<string, string> Overlay(string name, int replicas, (string Cpu, string Memory) requests, (string Cpu, string Memory) limits, string environment)
    {
        var target = Map(("kind", "Deployment"), ("labelSelector", $"app.kubernetes.io/component={ProjectManifests.Component}"));
        var deploymentPatch = List(
            Map(("op", "replace"), ("path", "/spec/replicas"), ("value", replicas)),
            Map(("op", "replace"), ("path", "/spec/template/spec/containers/0/resources"), ("value", Map(
                ("requests", Map(("cpu", requests.Cpu), ("memory", requests.Memory))),
                ("limits", Map(("cpu", limits.Cpu), ("memory", limits.Memory)))))));
        var configPatch = List(Map(("op", "replace"), ("path", "/data/ASPNETCORE_ENVIRONMENT"), ("value", environment)));
        var dir = $"overlays/{name}";
        return new Dictionary<string, string>
        {
            [$"{dir}/deployments-patch.yaml"] = Serialize(deploymentPatch),
            [$"{dir}/config-patch.yaml"] = Serialize(configPatch),
            [$"{dir}/kustomization.yaml"] = Serialize(Map(
                ("apiVersion", "kustomize.config.k8s.io/v1beta1"),
                ("kind", "Kustomization"),
                ("resources", List("../../base")),
                ("labels", List(Map(("pairs", Map(("iacplatform/environment", name))), ("includeSelectors", false)))),
                ("patches", List(
                    Map(("path", "deployments-patch.yaml"), ("target", target)),
                    Map(("path", "config-patch.yaml"), ("target", Map(("kind", "ConfigMap"), ("labelSelector", $"app.kubernetes.io/component={ProjectManifests.Component}"))))))))
        };
    }

    public const string Readme = """
        # Kubernetes manifests (generated)

        Generated from the fleet model in `AppHost/Fleet.cs` by

            dotnet run --project AppHost -- publish --output deploy/k8s [--image-prefix REG/iacplatform] [--image-tag TAG] [--host HOST]

        - `base/`: per service a ConfigMap (non-secret settings), Deployment (probes on /health/live and /health/ready,
          resources, non-root, read-only root filesystem), Service and, where it has a database, a `<name>-migrate` Job
          (`--migrate-only`); StatefulSets for PostgreSQL, RabbitMQ and Redis; an Ingress for the gateway.
        - Secrets come from `secretGenerator`s reading `base/secrets/*.env` (and the identity signing key PEM). The files
          hold `CHANGE_ME` placeholders: put real values there (do not commit them), see `secrets.env.example`.
        - `overlays/dev`, `overlays/prod`: replicas, resources and environment name.

        Render: `kubectl kustomize deploy/k8s/overlays/prod`; apply: `kubectl apply -k deploy/k8s/overlays/prod`.
        Run the migration Job before (or together with) a new version of a service.
        """;
}
