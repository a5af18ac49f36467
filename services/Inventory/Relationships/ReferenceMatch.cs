namespace IacPlatform.Inventory.Relationships;

/// <summary>How an attribute's value names its target resource.</summary>
internal enum ReferenceMatch
{
    /// <summary>The value is the target's native id exactly (AWS ids: subnet-…, sg-…, vol-…, i-…).</summary>
    NativeId,

    /// <summary>The value is an Azure resource id, compared case-insensitively (Azure ids are, and providers disagree on case).</summary>
    AzureId,

    /// <summary>The value is an Azure resource name, unique within the source's resource group (read from both native ids).</summary>
    AzureNameInResourceGroup,

    /// <summary>
    /// The value is a GCP self-link (https://…/compute/v1/projects/…), a relative id (projects/…) or a bare name:
    /// links and ids are compared from <c>projects/</c> on; bare names are resolved as <see cref="Name"/>.
    /// </summary>
    GcpSelfLink,

    /// <summary>
    /// The value is the target's name: accepted when the name is unique among the target types in the account,
    /// or else when the candidate is in the source's region (EKS cluster names are unique per region).
    /// </summary>
    Name,
}
