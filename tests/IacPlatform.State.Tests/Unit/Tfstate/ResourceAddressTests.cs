using IacPlatform.State.Tfstate;
using Shouldly;

namespace IacPlatform.State.Tests.Unit.Tfstate;

public sealed class ResourceAddressTests
{
    [Theory]
    [InlineData("aws_instance.web")]
    [InlineData("aws_instance.web[0]")]
    [InlineData("aws_instance.web[\"blue\"]")]
    [InlineData("data.aws_ami.ubuntu")]
    [InlineData("module.a.aws_instance.web")]
    [InlineData("module.a[0].module.b[\"k\"].data.aws_ami.x[3]")]
    [InlineData("module.net[\"eu\"].aws_subnet.a[0]")]
    [InlineData("aws_instance.web[\"a.b[0] \\\"quoted\\\" \\\\ end\"]")]
    [InlineData("aws_instance.web[\"$${not.a.template}\"]")]
    [InlineData("aws_instance.my-app_2[\"\"]")]
    public void Parse_ValidAddress_FormatsBackIdentically(string text)
    {
        ResourceAddress.Parse(text).ToString().ShouldBe(text);
    }

    [Fact]
    public void Parse_ModuleDataAndKey_ExposesEveryPart()
    {
        var address = ResourceAddress.Parse("module.net[\"eu\"].module.vpc[1].data.aws_subnet.a[\"x.y]\"]");

        address.Module.Steps.ShouldBe([new ModuleStep("net", InstanceKey.Of("eu")), new ModuleStep("vpc", InstanceKey.Of(1))]);
        address.Mode.ShouldBe(ResourceMode.Data);
        address.Type.ShouldBe("aws_subnet");
        address.Name.ShouldBe("a");
        address.Key.ShouldBe(InstanceKey.Of("x.y]"));
        address.WithoutKey().ToString().ShouldBe("module.net[\"eu\"].module.vpc[1].data.aws_subnet.a");
    }

    [Fact]
    public void Parse_EscapesInKey_AreDecoded()
    {
        var address = ResourceAddress.Parse("aws_instance.web[\"tab\\there\\n\\u00e9 $${x} %%{y}\"]");

        address.Key.StringValue.ShouldBe("tab\there\n\u00e9 ${x} %{y}");
        address.ToString().ShouldBe("aws_instance.web[\"tab\\there\\né $${x} %%{y}\"]");
    }

    [Theory]
    [InlineData("", "The resource address is empty")]
    [InlineData("aws_instance", "a resource address needs a type and a name separated by a dot")]
    [InlineData("aws_instance.", "expected a resource name at the end")]
    [InlineData(".web", "expected a resource type at character 1")]
    [InlineData("1aws.web", "expected a resource type at character 1, found \"1\"")]
    [InlineData("aws_instance.web[", "must be a non-negative integer like [0] or a quoted string")]
    [InlineData("aws_instance.web[-1]", "must be a non-negative integer like [0] or a quoted string")]
    [InlineData("aws_instance.web[1", "expected \"]\" to close the key opened at character 17")]
    [InlineData("aws_instance.web[\"blue]", "the quoted key starting at character 18 is not closed")]
    [InlineData("aws_instance.web[\"a\\qb\"]", "unknown escape \\q")]
    [InlineData("aws_instance.web.extra", "unexpected \".extra\" after the address")]
    [InlineData("aws_instance.web[0]x", "unexpected \"x\" after the address")]
    [InlineData("aws_instance web", "expected a dot at character 13")]
    [InlineData("module.a", "\"module.a\" is a module address; expected a resource address")]
    [InlineData("module..x.y", "expected a module name at character 8")]
    [InlineData("module.a[0]x.b", "expected a dot at character 12")]
    public void TryParse_InvalidAddress_ExplainsWhy(string text, string message)
    {
        ResourceAddress.TryParse(text, out var address, out var error).ShouldBeFalse();

        address.ShouldBeNull();
        error.ShouldContain(message);
        Should.Throw<FormatException>(() => ResourceAddress.Parse(text)).Message.ShouldBe(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("module.a")]
    [InlineData("module.a[0].module.b[\"k.x\"]")]
    public void ModuleAddress_ValidPath_FormatsBackIdentically(string text)
    {
        ModuleAddress.Parse(text).ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("module", "expected \"module.\" at character 1")]
    [InlineData("module.a.", "it ends with a dot")]
    [InlineData("module.a.aws_instance.b", "expected \"module.\" at character 10")]
    [InlineData("module.a[", "must be a non-negative integer")]
    public void ModuleAddress_InvalidPath_ExplainsWhy(string text, string message)
    {
        ModuleAddress.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(message);
        Should.Throw<FormatException>(() => ModuleAddress.Parse(text));
    }

    [Theory]
    [InlineData("module.a", "module.a", true)]
    [InlineData("module.a", "module.a[0]", true)]
    [InlineData("module.a", "module.a[\"x\"].module.b", true)]
    [InlineData("module.a[0]", "module.a[1]", false)]
    [InlineData("module.a[0]", "module.a[0].module.b", true)]
    [InlineData("module.a.module.b", "module.a[0].module.b", false)]
    [InlineData("module.a", "module.ab", false)]
    public void ModuleAddress_TargetContains_MatchesTerraformTargeting(string target, string module, bool contains)
    {
        ModuleAddress.Parse(target).TargetContains(ModuleAddress.Parse(module)).ShouldBe(contains);
    }
}
