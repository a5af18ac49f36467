namespace IacPlatform.Inventory.Tests.Relationships;

/// <summary>An AWS account as the sync stores it (Terraform attribute names) and the edges it must yield.</summary>
internal static class AwsSample
{
    public static readonly List<(string Source, string Target, string Type, string Attribute)> Expected =
    [
        ("web", "app-subnet", "member_of", "subnet_id"),
        ("web", "web-sg", "protected_by", "vpc_security_group_ids"),
        ("web", "ssh-sg", "protected_by", "vpc_security_group_ids"),
        ("web-root", "web", "attached_to", "root_block_device.volume_id"),
        // Named from both ends: one edge, recorded by the first rule (the unique key is source, target, type).
        ("web-data", "web", "attached_to", "ebs_block_device.volume_id"),
        ("web-logs", "web", "attached_to", "attachments.instance_id"),
        ("app-subnet", "main-vpc", "member_of", "vpc_id"),
        ("web-sg", "main-vpc", "contained_in", "vpc_id"),
        ("ssh-sg", "main-vpc", "contained_in", "vpc_id"),
        ("prod", "app-subnet", "member_of", "vpc_config.subnet_ids"),
        ("prod", "web-sg", "protected_by", "vpc_config.security_group_ids"),
        ("prod", "ssh-sg", "protected_by", "vpc_config.cluster_security_group_id"),
        ("prod", "main-vpc", "contained_in", "vpc_config.vpc_id"),
        ("workers", "prod", "part_of", "cluster_name"),
        ("workers", "app-subnet", "member_of", "subnet_ids"),
    ];

    public static async Task SeedAsync(InventoryRows rows, Guid account)
    {
        await rows.ResourceAsync(account, "aws_vpc", "vpc-0a1b2c3d", "main-vpc", """{"cidr_block": "10.0.0.0/16"}""");
        await rows.ResourceAsync(account, "aws_subnet", "subnet-0123abcd", "app-subnet",
            """{"vpc_id": "vpc-0a1b2c3d", "cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": false}""");
        await rows.ResourceAsync(account, "aws_security_group", "sg-0web", "web-sg", """{"vpc_id": "vpc-0a1b2c3d", "ingress": []}""");
        await rows.ResourceAsync(account, "aws_security_group", "sg-0ssh", "ssh-sg", """{"vpc_id": "vpc-0a1b2c3d"}""");
        await rows.ResourceAsync(account, "aws_instance", "i-0abc123", "web", """
            {"instance_type": "t3.medium", "subnet_id": "subnet-0123abcd",
             "vpc_security_group_ids": ["sg-0web", "sg-0ssh", "sg-0missing"],
             "root_block_device": [{"volume_id": "vol-0root", "encrypted": true}],
             "ebs_block_device": [{"device_name": "/dev/sdf", "volume_id": "vol-0data", "encrypted": true}]}
            """);
        await rows.ResourceAsync(account, "aws_ebs_volume", "vol-0root", "web-root", """{"size": 8, "attachments": []}""");
        await rows.ResourceAsync(account, "aws_ebs_volume", "vol-0data", "web-data",
            """{"size": 100, "attachments": [{"instance_id": "i-0abc123", "device": "/dev/sdf"}]}""");
        await rows.ResourceAsync(account, "aws_ebs_volume", "vol-0logs", "web-logs",
            """{"size": 20, "attachments": [{"instance_id": "i-0abc123", "device": "/dev/sdg"}, {"instance_id": "i-0elsewhere"}]}""");
        await rows.ResourceAsync(account, "aws_eks_cluster", "prod", "prod", """
            {"vpc_config": [{"subnet_ids": ["subnet-0123abcd"], "security_group_ids": ["sg-0web"],
                             "cluster_security_group_id": "sg-0ssh", "vpc_id": "vpc-0a1b2c3d", "endpoint_public_access": false}]}
            """);
        await rows.ResourceAsync(account, "aws_eks_node_group", "prod:workers", "workers",
            """{"cluster_name": "prod", "subnet_ids": ["subnet-0123abcd"]}""");

        // Odd values, dangling references and removed resources yield nothing.
        await rows.ResourceAsync(account, "aws_instance", "i-0odd", "odd", """
            {"subnet_id": 42, "vpc_security_group_ids": "sg-0nope", "root_block_device": {"volume_id": null}}
            """);
        await rows.ResourceAsync(account, "aws_instance", "i-0gone", "gone", """{"subnet_id": "subnet-0123abcd"}""", removed: true);
        await rows.ResourceAsync(account, "aws_subnet", "subnet-0gone", "gone-subnet", """{"vpc_id": "vpc-0a1b2c3d"}""", removed: true);
        await rows.ResourceAsync(account, "aws_instance", "i-0orphan", "orphan", """{"subnet_id": "subnet-0gone", "ami": "ami-1"}""");
    }
}
