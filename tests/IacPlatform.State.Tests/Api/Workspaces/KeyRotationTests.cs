using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IacPlatform.State.Tests.Api.Backends;
using IacPlatform.State.Tests.Infrastructure;
using IacPlatform.Testing;
using Shouldly;
using static IacPlatform.State.Tests.Infrastructure.BackendRequests;

namespace IacPlatform.State.Tests.Api.Workspaces;

/// <summary>Rotating the key-encryption key: old versions stay readable, then move to the new key.</summary>
public sealed class KeyRotationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Rewrap_AfterKeyRotation_OldVersionsReadableUnderNewKeyAlone()
    {
        var workspace = NewWorkspace();
        var state = TerraformStates.Create(Guid.NewGuid().ToString(), 1, "a");
        string connectionString;
        await using (var before = await StateApp.StartAsync(infrastructure))
        {
            connectionString = before.ConnectionString;
            (await before.Operator().PutStateAsync(workspace, state)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await before.Operator().RegisterOkAsync("s3", new Dictionary<string, object>
            {
                ["bucket"] = "rotation-test", ["key"] = "a.tfstate", ["region"] = "eu-west-1",
                ["access_key"] = "AKIAEXAMPLEKEY", ["secret_key"] = "not-a-real-secret",
            });
        }

        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using (var rotating = await StateApp.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["ConnectionStrings:statedb"] = connectionString,
            ["State:Encryption:ActiveKeyId"] = "k2",
            ["State:Encryption:Keys:k2"] = newKey,
        }))
        {
            var admin = rotating.Admin();
            (await (await admin.GetStateAsync(workspace)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(state);
            (await rotating.Operator().PostAsync("/api/v1/terraform/encryption/rewrap", null, TestContext.Current.CancellationToken))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

            var response = await admin.PostAsync("/api/v1/terraform/encryption/rewrap", null, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            body.GetProperty("rewrapped").GetInt32().ShouldBe(1);
            body.GetProperty("remaining").GetInt32().ShouldBe(0);
            body.GetProperty("backend_secrets_rewrapped").GetInt32().ShouldBe(1);
        }

        await using var after = await StateApp.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["ConnectionStrings:statedb"] = connectionString,
            ["State:Encryption:ActiveKeyId"] = "k2",
            ["State:Encryption:Keys:k1"] = null,
            ["State:Encryption:Keys:k2"] = newKey,
        });
        (await (await after.Operator().GetStateAsync(workspace)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(state);
    }
}
