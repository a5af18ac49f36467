namespace IacPlatform.Inventory.Compliance;

/// <summary>One check's outcome; the description names the attribute that decided it.</summary>
internal sealed record ComplianceCheck(string Name, string Status, string Description);
