using System.Text.Json;

namespace IacPlatform.Inventory.Compliance;

/// <summary>
/// Pure compliance evaluation of one resource from its Terraform type, attributes and tags. Every resource gets
/// the four core checks (not_applicable where the type has nothing to decide them), then its type's extras.
/// Odd or missing values never throw: an attribute the provider always reports for the type fails as "not
/// reported" (unknown posture is not compliance), an optional block that is absent is read as not configured.
/// </summary>
internal static class ComplianceEvaluator
{
    private static readonly string[] AzureVms =
        ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine"];

    public static ComplianceReport Evaluate(string type, JsonElement attributes, JsonElement tags)
    {
        type ??= "";
        var a = new AttributeReader(attributes);
        IEnumerable<ComplianceCheck> produced = type switch
        {
            "aws_instance" => AwsChecks.Instance(a, tags),
            "aws_ebs_volume" => AwsChecks.EbsVolume(a, tags),
            "aws_s3_bucket" => AwsChecks.S3Bucket(a),
            "aws_security_group" => AwsNetworkChecks.SecurityGroup(a),
            "aws_subnet" => AwsNetworkChecks.Subnet(a),
            "aws_eks_cluster" => AwsNetworkChecks.EksCluster(a),
            "aws_eks_node_group" => AwsNetworkChecks.EksNodeGroup(a),
            "azurerm_storage_account" => AzureChecks.StorageAccount(a),
            _ when AzureVms.Contains(type) => AzureChecks.VirtualMachine(type, a, tags),
            "azurerm_managed_disk" => AzureChecks.ManagedDisk(a, tags),
            "azurerm_network_security_group" => AzureNetworkChecks.NetworkSecurityGroup(a),
            "azurerm_kubernetes_cluster" => AzureNetworkChecks.KubernetesCluster(a),
            "azurerm_kubernetes_cluster_node_pool" => AzureNetworkChecks.KubernetesNodePool(a),
            "google_storage_bucket" => GcpChecks.StorageBucket(a),
            "google_compute_instance" => GcpChecks.ComputeInstance(a, tags),
            "google_compute_disk" => GcpChecks.ComputeDisk(a, tags),
            "google_compute_firewall" => GcpChecks.Firewall(a),
            "google_compute_subnetwork" => GcpChecks.Subnetwork(a),
            "google_container_cluster" => GcpChecks.ContainerCluster(a),
            _ => [],
        };

        var checks = produced.ToList();
        var core = CheckNames.Core.Select(name => checks.Find(c => c.Name == name)
            ?? Verdict.NotApplicable(name, $"{name} is not decided by any attribute of {(type.Length == 0 ? "this type" : type)}."));
        return ComplianceReport.From([.. core, .. checks.Where(c => !CheckNames.Core.Contains(c.Name))]);
    }
}
