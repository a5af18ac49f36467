using IacPlatform.AppHost.Model;
using static IacPlatform.AppHost.Publishing.Yaml;

namespace IacPlatform.AppHost.Publishing;

/// <summary>ConfigMap, Deployment, Service and (with a database) migration Job of one project.</summary>
internal static class ProjectManifests
{
    public const string Component = "service";

    public static IEnumerable<object> For(FleetModel model, ProjectResource project, PublishOptions options)
    {
        yield return Map(("apiVersion", "v1"), ("kind", "ConfigMap"), ("metadata", Metadata(ConfigMapName(project), Component)), ("data", ClusterConfig.NonSecret(model, project)));
        yield return Deployment(project, options);
        yield return Map(("apiVersion", "v1"), ("kind", "Service"), ("metadata", Metadata(project.Name, Component)), ("spec", Map(
            ("selector", Selector(project.Name)),
            ("ports", List(Map(("name", "http"), ("port", 80), ("targetPort", "http")))))));
        if (project.DatabaseName is not null)
        {
            yield return MigrationJob(project, options);
        }
    }

    public static string ConfigMapName(ProjectResource project) => $"{project.Name}-config";

    public static string SecretName(Resource resource) => $"{resource.Name}-secrets";

    private static Dictionary<string, object> Deployment(ProjectResource project, PublishOptions options) => Map(
        ("apiVersion", "apps/v1"),
        ("kind", "Deployment"),
        ("metadata", Metadata(project.Name, Component)),
        ("spec", Map(
            ("replicas", 1),
            ("selector", Map(("matchLabels", Selector(project.Name)))),
            ("template", Map(
                ("metadata", Map(("labels", Labels(project.Name, Component)))),
                ("spec", PodSpec(project, options, Container(project, options, withProbes: true), restartPolicy: null)))))));

    private static Dictionary<string, object> MigrationJob(ProjectResource project, PublishOptions options)
    {
        var container = Container(project, options, withProbes: false);
        container["args"] = List("--migrate-only");
        return Map(
            ("apiVersion", "batch/v1"),
            ("kind", "Job"),
            ("metadata", Metadata($"{project.Name}-migrate", "migration")),
            ("spec", Map(
                ("backoffLimit", 4),
                ("template", Map(
                    ("metadata", Map(("labels", Labels($"{project.Name}-migrate", "migration")))),
                    ("spec", PodSpec(project, options, container, restartPolicy: "OnFailure")))))));
    }

    private static Dictionary<string, object> PodSpec(ProjectResource project, PublishOptions options, Dictionary<string, object> container, string? restartPolicy) => Map(
        ("restartPolicy", restartPolicy),
        ("automountServiceAccountToken", false),
        ("securityContext", Map(
            ("runAsNonRoot", true), ("runAsUser", 1654), ("runAsGroup", 1654), ("fsGroup", 1654),
            ("seccompProfile", Map(("type", "RuntimeDefault"))))),
        ("containers", List(container)),
        ("volumes", List(Map(("name", "tmp"), ("emptyDir", Map())))));

    private static Dictionary<string, object> Container(ProjectResource project, PublishOptions options, bool withProbes) => Map(
        ("name", project.Name),
        ("image", $"{options.ImagePrefix}/{project.Name}:{options.ImageTag}"),
        ("imagePullPolicy", "IfNotPresent"),
        ("ports", withProbes ? List(Map(("name", "http"), ("containerPort", PublishOptions.ContainerPort))) : null),
        ("envFrom", List(
            Map(("configMapRef", Map(("name", ConfigMapName(project))))),
            Map(("secretRef", Map(("name", SecretName(project))))))),
        ("livenessProbe", withProbes ? Probe("/health/live", initialDelay: 10, period: 10) : null),
        ("readinessProbe", withProbes ? Probe("/health/ready", initialDelay: 5, period: 5) : null),
        ("resources", Map(
            ("requests", Map(("cpu", "100m"), ("memory", "128Mi"))),
            ("limits", Map(("cpu", "1"), ("memory", "512Mi"))))),
        ("securityContext", Map(
            ("allowPrivilegeEscalation", false),
            ("readOnlyRootFilesystem", true),
            ("capabilities", Map(("drop", List("ALL")))))),
        ("volumeMounts", List(Map(("name", "tmp"), ("mountPath", "/tmp")))));

    private static Dictionary<string, object> Probe(string path, int initialDelay, int period) => Map(
        ("httpGet", Map(("path", path), ("port", "http"))),
        ("initialDelaySeconds", initialDelay),
        ("periodSeconds", period),
        ("timeoutSeconds", 3),
        ("failureThreshold", 3));
}
