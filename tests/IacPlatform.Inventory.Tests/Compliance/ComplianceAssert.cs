using System.Text.Json;
using IacPlatform.Inventory.Compliance;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Compliance;

/// <summary>Evaluates JSON text and finds checks by name.</summary>
internal static class ComplianceAssert
{
    public static ComplianceReport Evaluate(string type, string attributes, string tags = "{}")
    {
        using var a = JsonDocument.Parse(attributes);
        using var t = JsonDocument.Parse(tags);
        return ComplianceEvaluator.Evaluate(type, a.RootElement, t.RootElement);
    }

    public static ComplianceCheck Check(this ComplianceReport report, string name) =>
        report.Checks.SingleOrDefault(c => c.Name == name) ?? throw new ShouldAssertException($"No check {name}.");

    /// <summary>The check has the status and its description names the deciding attribute.</summary>
    public static void ShouldHave(this ComplianceCheck check, string status, string attribute)
    {
        check.Status.ShouldBe(status, check.Description);
        check.Description.ShouldContain(attribute);
    }
}
