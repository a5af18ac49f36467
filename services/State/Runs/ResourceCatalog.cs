using static IacPlatform.State.Runs.ConfigField;

namespace IacPlatform.State.Runs;

/// <summary>
/// The (provider, type) pairs the platform provisions and the Terraform resources they map to. Cloud
/// credentials come from the service's environment (AWS_*, ARM_*, GOOGLE_*) or State:Runs:Environment.
/// </summary>
public static class ResourceCatalog
{
    public static readonly ProviderSpec Aws = new("aws", "aws", "hashicorp/aws", []);
    public static readonly ProviderSpec Azure = new("azure", "azurerm", "hashicorp/azurerm", ["features"]);
    public static readonly ProviderSpec Gcp = new("gcp", "google", "hashicorp/google", []);
    public static readonly ProviderSpec Builtin = new("terraform", "terraform", null, []);

    public static IReadOnlyList<ResourceKind> Kinds { get; } =
    [
        new(Aws, "vm", "aws_instance", "EC2 instance",
            [
                Optional("region", ValueKind.Text, "provider.region"),
                Needed("instance_type", ValueKind.Text, "instance_type"),
                Needed("ami", ValueKind.Text, "ami"),
                Optional("subnet_id", ValueKind.Text, "subnet_id"),
                Optional("key_name", ValueKind.Text, "key_name"),
                Optional("security_groups", ValueKind.StringList, "vpc_security_group_ids"),
                Optional("availability_zone", ValueKind.Text, "availability_zone"),
                Optional("associate_public_ip_address", ValueKind.Bool, "associate_public_ip_address"),
                Optional("monitoring", ValueKind.Bool, "monitoring"),
                // The subnet decides the VPC; kept for the record (the seed sends it).
                Optional("vpc_id", ValueKind.Text),
            ],
            Outputs(("id", "id"), ("arn", "arn"), ("public_ip", "public_ip"), ("private_ip", "private_ip")), [],
            TagsAttribute: "tags", SummaryKey: "instance_type", LocationKey: "region"),
        new(Aws, "storage", "aws_s3_bucket", "S3 bucket",
            [
                Optional("region", ValueKind.Text, "provider.region"),
                Optional("bucket", ValueKind.Text, "bucket"),
                Optional("force_destroy", ValueKind.Bool, "force_destroy"),
            ],
            Outputs(("id", "id"), ("arn", "arn"), ("bucket_domain_name", "bucket_domain_name"),
                ("bucket_regional_domain_name", "bucket_regional_domain_name")), [],
            NameAttribute: "bucket", TagsAttribute: "tags", LocationKey: "region"),
        new(Aws, "network", "aws_vpc", "VPC",
            [
                Optional("region", ValueKind.Text, "provider.region"),
                Needed("cidr_block", ValueKind.Text, "cidr_block"),
                Optional("enable_dns_support", ValueKind.Bool, "enable_dns_support"),
                Optional("enable_dns_hostnames", ValueKind.Bool, "enable_dns_hostnames"),
                Optional("instance_tenancy", ValueKind.Text, "instance_tenancy"),
            ],
            Outputs(("id", "id"), ("arn", "arn"), ("cidr_block", "cidr_block"), ("default_security_group_id", "default_security_group_id")), [],
            TagsAttribute: "tags", SummaryKey: "cidr_block", LocationKey: "region"),
        new(Azure, "vm", "azurerm_linux_virtual_machine", "Linux virtual machine",
            [
                Optional("subscription_id", ValueKind.Text, "provider.subscription_id"),
                Needed("resource_group_name", ValueKind.Text, "resource_group_name"),
                Needed("location", ValueKind.Text, "location"),
                Needed("size", ValueKind.Text, "size"),
                Needed("admin_username", ValueKind.Text, "admin_username", "admin_ssh_key.username"),
                Needed("admin_ssh_public_key", ValueKind.Text, "admin_ssh_key.public_key"),
                Needed("network_interface_ids", ValueKind.StringList, "network_interface_ids"),
                Optional("os_disk_type", ValueKind.Text, "os_disk.storage_account_type"),
                Optional("image_publisher", ValueKind.Text, "source_image_reference.publisher"),
                Optional("image_offer", ValueKind.Text, "source_image_reference.offer"),
                Optional("image_sku", ValueKind.Text, "source_image_reference.sku"),
                Optional("image_version", ValueKind.Text, "source_image_reference.version"),
            ],
            Outputs(("id", "id"), ("virtual_machine_id", "virtual_machine_id"), ("private_ip_address", "private_ip_address"),
                ("public_ip_address", "public_ip_address")),
            Defaults(("os_disk.caching", "ReadWrite"), ("os_disk.storage_account_type", "Standard_LRS"),
                ("source_image_reference.publisher", "Canonical"), ("source_image_reference.offer", "ubuntu-24_04-lts"),
                ("source_image_reference.sku", "server"), ("source_image_reference.version", "latest")),
            NameAttribute: "name", TagsAttribute: "tags", SummaryKey: "size", LocationKey: "location"),
        new(Azure, "storage", "azurerm_storage_account", "storage account",
            [
                Optional("subscription_id", ValueKind.Text, "provider.subscription_id"),
                // Storage account names are 3-24 lowercase letters and digits, so the resource name cannot serve.
                Needed("account_name", ValueKind.Text, "name"),
                Needed("resource_group_name", ValueKind.Text, "resource_group_name"),
                Needed("location", ValueKind.Text, "location"),
                Optional("account_tier", ValueKind.Text, "account_tier"),
                Optional("account_replication_type", ValueKind.Text, "account_replication_type"),
            ],
            Outputs(("id", "id"), ("primary_blob_endpoint", "primary_blob_endpoint")),
            Defaults(("account_tier", "Standard"), ("account_replication_type", "LRS")),
            TagsAttribute: "tags", SummaryKey: "account_tier", LocationKey: "location"),
        new(Azure, "network", "azurerm_virtual_network", "virtual network",
            [
                Optional("subscription_id", ValueKind.Text, "provider.subscription_id"),
                Needed("resource_group_name", ValueKind.Text, "resource_group_name"),
                Needed("location", ValueKind.Text, "location"),
                Needed("address_space", ValueKind.StringList, "address_space"),
                Optional("dns_servers", ValueKind.StringList, "dns_servers"),
            ],
            Outputs(("id", "id"), ("guid", "guid")), [],
            NameAttribute: "name", TagsAttribute: "tags", LocationKey: "location"),
        new(Gcp, "vm", "google_compute_instance", "Compute Engine instance",
            [
                Optional("project", ValueKind.Text, "provider.project"),
                Optional("region", ValueKind.Text, "provider.region"),
                Needed("zone", ValueKind.Text, "zone"),
                Needed("machine_type", ValueKind.Text, "machine_type"),
                Needed("image", ValueKind.Text, "boot_disk.initialize_params.image"),
                Optional("disk_size_gb", ValueKind.Number, "boot_disk.initialize_params.size"),
                Optional("network", ValueKind.Text, "network_interface.network"),
                Optional("subnetwork", ValueKind.Text, "network_interface.subnetwork"),
                Optional("network_tags", ValueKind.StringList, "tags"),
            ],
            Outputs(("id", "id"), ("instance_id", "instance_id"), ("self_link", "self_link"),
                ("internal_ip", "network_interface[0].network_ip")),
            Defaults(("network_interface.network", "default")),
            NameAttribute: "name", TagsAttribute: "labels", SummaryKey: "machine_type", LocationKey: "zone"),
        new(Gcp, "storage", "google_storage_bucket", "Cloud Storage bucket",
            [
                Optional("project", ValueKind.Text, "provider.project"),
                Optional("region", ValueKind.Text, "provider.region"),
                Optional("bucket", ValueKind.Text, "name"),
                Needed("location", ValueKind.Text, "location"),
                Optional("storage_class", ValueKind.Text, "storage_class"),
                Optional("force_destroy", ValueKind.Bool, "force_destroy"),
                Optional("uniform_bucket_level_access", ValueKind.Bool, "uniform_bucket_level_access"),
            ],
            Outputs(("id", "id"), ("url", "url"), ("self_link", "self_link")), [],
            NameAttribute: "name", TagsAttribute: "labels", SummaryKey: "storage_class", LocationKey: "location"),
        new(Gcp, "network", "google_compute_network", "VPC network",
            [
                Optional("project", ValueKind.Text, "provider.project"),
                Optional("region", ValueKind.Text, "provider.region"),
                Optional("auto_create_subnetworks", ValueKind.Bool, "auto_create_subnetworks"),
                Optional("routing_mode", ValueKind.Text, "routing_mode"),
            ],
            Outputs(("id", "id"), ("self_link", "self_link")), [],
            NameAttribute: "name", LocationKey: "region"),
        // Terraform's built-in resource: no provider to download, so it runs anywhere (and in the tests).
        new(Builtin, "data", "terraform_data", "terraform_data resource", [],
            Outputs(("id", "id"), ("output", "output")), [], FreeForm: true),
    ];

    public static IReadOnlyList<string> Providers { get; } = [.. Kinds.Select(k => k.Provider).Distinct()];

    public static IReadOnlyList<string> TypesOf(string provider) =>
        [.. Kinds.Where(k => k.Provider == provider).Select(k => k.Type)];

    public static ResourceKind? Find(string provider, string type) =>
        Kinds.FirstOrDefault(k => k.Provider == provider && k.Type == type);

    private static KeyValuePair<string, string>[] Outputs(params (string Name, string Expression)[] outputs) =>
        [.. outputs.Select(o => KeyValuePair.Create(o.Name, o.Expression))];

    private static KeyValuePair<string, string>[] Defaults(params (string Path, string Value)[] defaults) =>
        [.. defaults.Select(d => KeyValuePair.Create(d.Path, Hcl.Quote(d.Value)))];
}
