using IacPlatform.ServiceDefaults.Persistence;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("NormalizedUserName", "normalized_user_name")]
    [InlineData("PK_AspNetUsers", "pk_asp_net_users")]
    [InlineData("IX_OpenIddictTokens_ApplicationId_Status", "ix_open_iddict_tokens_application_id_status")]
    [InlineData("Id", "id")]
    [InlineData("already_snake", "already_snake")]
    public void ToSnakeCase_PascalName_ReturnsSnakeCase(string name, string expected) =>
        SnakeCaseNames.ToSnakeCase(name).ShouldBe(expected);
}
