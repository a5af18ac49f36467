namespace IacPlatform.Bench.Inventory;

/// <summary>
/// What a realistic multi-cloud inventory is made of: per provider its share, accounts, regions, Terraform types
/// (with their service, share and role) and machine sizes; the tag vocabularies with their skew.
/// </summary>
internal static class ResourceCatalog
{
    public static readonly ProviderProfile[] Providers =
    [
        new("aws", 50, 10,
            ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1"],
            AwsTypes(),
            [("t3.micro", 20), ("t3.small", 16), ("t3.medium", 14), ("t3.large", 8), ("m5.large", 10), ("m5.xlarge", 6),
             ("c5.large", 6), ("c5.xlarge", 3), ("r5.large", 4), ("t2.micro", 5)]),
        new("azure", 22, 5,
            ["eastus", "westus2", "westeurope", "northeurope", "southeastasia", "uksouth"],
            [
                new("azurerm_linux_virtual_machine", "compute", 18, "vm"), new("azurerm_windows_virtual_machine", "compute", 7, "vm"),
                new("azurerm_managed_disk", "compute", 18, "disk"), new("azurerm_storage_account", "storage", 8, "bucket"),
                new("azurerm_network_interface", "network", 15, "net"), new("azurerm_virtual_network", "network", 4, "net"),
                new("azurerm_subnet", "network", 8, "net"), new("azurerm_network_security_group", "network", 8, "net"),
                new("azurerm_public_ip", "network", 6, "net"), new("azurerm_key_vault", "keyvault", 3, "other"),
                new("azurerm_kubernetes_cluster", "containerservice", 2, "other"), new("azurerm_resource_group", "resources", 3, "other"),
            ],
            [("Standard_B1s", 12), ("Standard_B2s", 14), ("Standard_D2s_v3", 12), ("Standard_D4s_v3", 6), ("Standard_E2s_v3", 4), ("Standard_F2s_v2", 3)]),
        new("gcp", 18, 5,
            ["us-central1", "us-east1", "europe-west1", "europe-west4", "asia-east1", "asia-northeast1"],
            [
                new("google_compute_instance", "compute", 26, "vm"), new("google_compute_disk", "compute", 20, "disk"),
                new("google_storage_bucket", "storage", 10, "bucket"), new("google_compute_network", "compute", 4, "net"),
                new("google_compute_subnetwork", "compute", 10, "net"), new("google_compute_firewall", "compute", 12, "net"),
                new("google_compute_address", "compute", 6, "net"), new("google_sql_database_instance", "sqladmin", 4, "db"),
                new("google_service_account", "iam", 6, "other"), new("google_container_cluster", "container", 2, "other"),
            ],
            [("e2-micro", 10), ("e2-small", 12), ("e2-medium", 14), ("n1-standard-1", 6), ("n1-standard-2", 8), ("n2-standard-4", 4)]),
        new("sandbox", 10, 2,
            ["us-east-1", "us-west-2", "eu-west-1"],
            AwsTypes(),
            [("sandbox.small", 10), ("sandbox.medium", 6), ("sandbox.large", 3)]),
    ];

    public static readonly (string Value, int Weight)[] Environments = [("production", 45), ("staging", 20), ("dev", 25), ("test", 10)];

    public static readonly (string Value, int Weight)[] Teams = [.. new[]
    {
        "payments", "checkout", "search", "identity", "platform", "data", "ml", "mobile", "web", "billing",
        "growth", "security", "sre", "observability", "catalog", "pricing", "logistics", "inventory", "notifications", "messaging",
        "analytics", "reporting", "fraud", "support", "partners", "ads", "media", "edge", "devex", "finance",
    }.Select((team, i) => (team, 60 / (i + 2) + 1))];

    public static readonly string[] Owners = ["alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar"];

    /// <summary>Sandbox accounts are seeded from Terraform states of AWS stacks: they carry AWS types.</summary>
    private static ResourceType[] AwsTypes() =>
    [
        new("aws_instance", "ec2", 22, "vm"), new("aws_ebs_volume", "ec2", 16, "disk"), new("aws_s3_bucket", "s3", 7, "bucket"),
        new("aws_security_group", "ec2", 9, "net"), new("aws_subnet", "ec2", 6, "net"), new("aws_vpc", "ec2", 2, "net"),
        new("aws_network_interface", "ec2", 10, "net"), new("aws_eip", "ec2", 3, "net"), new("aws_route_table", "ec2", 3, "net"),
        new("aws_iam_role", "iam", 6, "other"), new("aws_lambda_function", "lambda", 6, "other"), new("aws_db_instance", "rds", 3, "db"),
        new("aws_lb", "elasticloadbalancing", 2, "other"), new("aws_cloudwatch_log_group", "logs", 4, "other"),
        new("aws_eks_cluster", "eks", 1, "other"),
    ];
}
