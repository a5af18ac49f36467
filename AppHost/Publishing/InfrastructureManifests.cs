using IacPlatform.AppHost.Model;
using static IacPlatform.AppHost.Publishing.Yaml;

namespace IacPlatform.AppHost.Publishing;

/// <summary>A StatefulSet with a volume claim template and a headless Service per infrastructure resource.</summary>
internal static class InfrastructureManifests
{
    public const string Component = "infrastructure";

    private sealed record Spec(string Image, int Port, string PortName, string DataPath, string ReadyCommand, int RunAsUser, object? Command);

    public static IEnumerable<object> For(InfrastructureResource resource)
    {
        var spec = resource.Kind switch
        {
            InfrastructureKind.Postgres => new Spec("postgres:15", 5432, "postgres", "/var/lib/postgresql/data", "pg_isready -U postgres", 999, null),
            InfrastructureKind.RabbitMq => new Spec("rabbitmq:3.10-management", 5672, "amqp", "/var/lib/rabbitmq", "rabbitmq-diagnostics -q ping", 999, null),
            InfrastructureKind.Redis => new Spec("redis:7", 6379, "redis", "/data", "redis-cli -a \"$REDIS_PASSWORD\" ping", 999,
                List("sh", "-c", "exec redis-server --requirepass \"$REDIS_PASSWORD\" --save '' --appendonly no")),
            _ => throw new ArgumentOutOfRangeException(nameof(resource)),
        };
        var env = resource.Kind == InfrastructureKind.Postgres ? List(Map(("name", "PGDATA"), ("value", spec.DataPath + "/pgdata"))) : null;
        var ports = resource.Kind == InfrastructureKind.RabbitMq
            ? List(Map(("name", spec.PortName), ("containerPort", spec.Port)), Map(("name", "management"), ("containerPort", 15672)))
            : List(Map(("name", spec.PortName), ("containerPort", spec.Port)));

        yield return Map(("apiVersion", "v1"), ("kind", "Service"), ("metadata", Metadata(resource.Name, Component)), ("spec", Map(
            ("clusterIP", "None"),
            ("selector", Selector(resource.Name)),
            ("ports", List(Map(("name", spec.PortName), ("port", spec.Port), ("targetPort", spec.PortName)))))));

        var container = Map(
            ("name", resource.Name),
            ("image", spec.Image),
            ("command", spec.Command),
            ("ports", ports),
            ("env", env),
            ("envFrom", List(Map(("secretRef", Map(("name", ProjectManifests.SecretName(resource))))))),
            ("readinessProbe", Map(("exec", Map(("command", List("sh", "-c", spec.ReadyCommand)))), ("periodSeconds", 10), ("timeoutSeconds", 5))),
            ("livenessProbe", Map(("tcpSocket", Map(("port", spec.PortName))), ("initialDelaySeconds", 30), ("periodSeconds", 20))),
            ("resources", Map(
                ("requests", Map(("cpu", "250m"), ("memory", "256Mi"))),
                ("limits", Map(("cpu", "1"), ("memory", "1Gi"))))),
            ("securityContext", Map(("allowPrivilegeEscalation", false), ("capabilities", Map(("drop", List("ALL")))))),
            ("volumeMounts", List(Map(("name", "data"), ("mountPath", spec.DataPath)))));
        var podSpec = Map(
            ("automountServiceAccountToken", false),
            ("securityContext", Map(("runAsNonRoot", true), ("runAsUser", spec.RunAsUser), ("runAsGroup", spec.RunAsUser), ("fsGroup", spec.RunAsUser))),
            ("containers", List(container)));
        var claim = Map(
            ("metadata", Map(("name", "data"))),
            ("spec", Map(("accessModes", List("ReadWriteOnce")), ("resources", Map(("requests", Map(("storage", "10Gi"))))))));

        yield return Map(("apiVersion", "apps/v1"), ("kind", "StatefulSet"), ("metadata", Metadata(resource.Name, Component)), ("spec", Map(
            ("serviceName", resource.Name),
            ("replicas", 1),
            ("selector", Map(("matchLabels", Selector(resource.Name)))),
            ("template", Map(("metadata", Map(("labels", Labels(resource.Name, Component)))), ("spec", podSpec))),
            ("volumeClaimTemplates", List(claim)))));
    }
}
