using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Relationships;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Relationships;

public sealed class RelationshipRulesTests
{
    [Fact]
    public void Rules_EveryTypeIsKnown_AndEveryEdgeTypeIsOneOfTheFive()
    {
        foreach (var rule in RelationshipRules.All)
        {
            RelationshipTypes.IsKnown(rule.Type).ShouldBeTrue(rule.ToString());
            foreach (var type in rule.SourceTypes.Concat(rule.TargetTypes).Concat(rule.Via?.Types ?? []))
            {
                // Network interfaces are inventoried as "other" but carry the Azure VM's subnet and NSG.
                (ResourceCategories.For(type) != ResourceCategories.Other || type == "azurerm_network_interface")
                    .ShouldBeTrue($"{type} in {rule}");
            }
        }
    }

    [Fact]
    public void Rules_CoverAllThreeClouds_AndEveryRelationshipType()
    {
        var prefixes = RelationshipRules.All.SelectMany(r => r.SourceTypes).Select(t => t.Split('_')[0]).Distinct();
        prefixes.ShouldBe(["aws", "azurerm", "google"], ignoreOrder: true);
        RelationshipRules.All.Select(r => r.Type).Distinct().ShouldBe(RelationshipTypes.All, ignoreOrder: true);
    }

    [Fact]
    public void Rules_AreUnique_AndTwoHopRulesCompareAzureIdsForward()
    {
        RelationshipRules.All.Select(r => (string.Join(",", r.SourceTypes), r.RecordedAttribute, string.Join(",", r.TargetTypes)))
            .ShouldBeUnique();
        foreach (var rule in RelationshipRules.All.Where(r => r.Via is not null))
        {
            rule.Match.ShouldBe(ReferenceMatch.AzureId);
            rule.Reversed.ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("subnet_id", "lax $.\"subnet_id\"[*]")]
    [InlineData("vpc_config.subnet_ids", "lax $.\"vpc_config\"[*].\"subnet_ids\"[*]")]
    [InlineData("attachments.instance_id", "lax $.\"attachments\"[*].\"instance_id\"[*]")]
    public void ToJsonPath_DottedAttribute_UnwrapsEveryStep(string attribute, string expected) =>
        RelationshipRule.ToJsonPath(attribute).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("subnet_id\" || true")]
    [InlineData("Subnet")]
    [InlineData("a[0]")]
    public void ToJsonPath_AnythingButAttributeNames_Throws(string attribute) =>
        Should.Throw<ArgumentException>(() => RelationshipRule.ToJsonPath(attribute));

    [Fact]
    public void Sql_EveryRule_KeepsTypesAndPathsInParameters()
    {
        foreach (var rule in RelationshipRules.All)
        {
            var sql = RelationshipSql.For(rule);
            sql.ShouldContain("@path::jsonpath");
            sql.ShouldContain("ANY(@target_types)");
            sql.ShouldContain("ON CONFLICT (source_id, target_id, type) DO NOTHING");
            foreach (var type in rule.SourceTypes.Concat(rule.TargetTypes))
            {
                sql.ShouldNotContain(type);
            }

            sql.ShouldNotContain(rule.Attribute);
        }
    }
}
