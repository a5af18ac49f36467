using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Tests.Infrastructure;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Api.Accounts;

public sealed class AccountTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string AzureSecret = "azure-client-secret-value-9f8e7d";
    private readonly InventoryApp _app = fixture.App;

    [Fact]
    public async Task CreateAws_SeedShape_Returns201WithoutSecretsAndStoresThemEncrypted()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await _app.Operator().PostAsJsonAsync("/api/v1/credentials", new
        {
            provider = "aws", name = "AWS Production Account", access_key = "AKIAIOSFODNN7EXAMPLE", secret_key = AwsSecret, region = "us-east-1",
        }, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync(ct);
        text.ShouldNotContain(AwsSecret);
        text.ShouldNotContain("AKIAIOSFODNN7EXAMPLE");
        var body = JsonNode.Parse(text)!.AsObject();
        body["provider"]!.GetValue<string>().ShouldBe("aws");
        body["region"]!.GetValue<string>().ShouldBe("us-east-1");
        body["is_active"]!.GetValue<bool>().ShouldBeTrue();
        var id = body["id"]!.GetValue<Guid>();

        var stored = await InventoryApi.ScalarAsync<byte[]>(_app.ConnectionString,
            "SELECT credential_ciphertext FROM cloud_accounts WHERE id = @id", ("id", id));
        System.Text.Encoding.UTF8.GetString(stored).ShouldNotContain("wJalrXUtnFEMI");
        var row = await InventoryApi.ScalarAsync<string>(_app.ConnectionString,
            "SELECT row_to_json(a)::text FROM cloud_accounts a WHERE id = @id", ("id", id));
        row.ShouldNotContain(AwsSecret);
        row.ShouldNotContain("AKIAIOSFODNN7EXAMPLE");

        var list = await _app.Viewer().GetStringAsync("/api/v1/credentials", ct);
        list.ShouldContain(id.ToString());
        list.ShouldNotContain(AwsSecret);
        var detail = await _app.Viewer().GetFromJsonAsync<JsonObject>($"/api/v1/inventory/accounts/{id}", ct);
        detail!["has_credentials"]!.GetValue<bool>().ShouldBeTrue();
        detail["credential_hint"]!.GetValue<string>().ShouldBe("access key …MPLE");
    }

    [Fact]
    public async Task CreateAzure_ValidPrincipal_Returns201AndHintsTheSubscriptionOnly()
    {
        var subscription = Guid.NewGuid().ToString();
        var response = await _app.Operator().PostAsJsonAsync("/api/v1/inventory/accounts", new
        {
            provider = "azure", name = "Azure Main", region = "westeurope", tenant_id = Guid.NewGuid().ToString(),
            client_id = Guid.NewGuid().ToString(), client_secret = AzureSecret, subscription_id = subscription,
        }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldNotContain(AzureSecret);
        text.ShouldContain(subscription);
    }

    [Fact]
    public async Task CreateGcp_ValidServiceAccountKey_Returns201AndNeverEchoesTheKey()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var key = new JsonObject
        {
            ["type"] = "service_account", ["project_id"] = "iacp-test-project", ["private_key_id"] = "0123456789abcdef",
            ["private_key"] = pem, ["client_email"] = "inventory@iacp-test-project.iam.gserviceaccount.com",
            ["client_id"] = "1234567890", ["token_uri"] = "https://oauth2.googleapis.com/token",
        };

        var response = await _app.Operator().PostAsJsonAsync("/api/v1/inventory/accounts", new
        {
            provider = "gcp", name = "GCP Main Project", project_id = "iacp-test-project", service_account_json = key.ToJsonString(),
        }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldNotContain("PRIVATE KEY");
        text.ShouldContain("inventory@iacp-test-project.iam.gserviceaccount.com in iacp-test-project");
    }

    [Fact]
    public async Task FollowWorkspace_OnSandboxIsKept_OnCloudAccountIs400()
    {
        var ct = TestContext.Current.CancellationToken;
        var sandbox = await _app.Operator().PostAsJsonAsync("/api/v1/inventory/accounts",
            new { provider = "sandbox", name = "follower", follow_workspace = "prod-network" }, ct);
        sandbox.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sandbox.ReadJsonAsync())["follow_workspace"]!.GetValue<string>().ShouldBe("prod-network");

        var aws = await _app.Operator().PostAsJsonAsync("/api/v1/inventory/accounts", new
        {
            provider = "aws", name = "x", access_key = "AKIAIOSFODNN7EXAMPLE", secret_key = AwsSecret, follow_workspace = "prod",
        }, ct);
        aws.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await aws.Content.ReadAsStringAsync(ct)).ShouldContain("follow_workspace");
    }

    [Theory]
    [InlineData("""{"provider":"aws","name":"a","access_key":"nope","secret_key":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}""", "access_key")]
    [InlineData("""{"provider":"aws","name":"a","access_key":"AKIAIOSFODNN7EXAMPLE"}""", "secret_key")]
    [InlineData("""{"provider":"aws","name":"a","access_key":"AKIAIOSFODNN7EXAMPLE","secret_key":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","region":"mars-1"}""", "region")]
    [InlineData("""{"provider":"azure","name":"a","tenant_id":"x","client_id":"00000000-0000-0000-0000-000000000001","client_secret":"s","subscription_id":"00000000-0000-0000-0000-000000000002"}""", "tenant_id")]
    [InlineData("""{"provider":"gcp","name":"a","project_id":"my-project-1","service_account_json":"not json"}""", "service_account_json")]
    [InlineData("""{"provider":"gcp","name":"a","project_id":"X","service_account_json":"{}"}""", "project_id")]
    [InlineData("""{"provider":"ibm","name":"a"}""", "provider")]
    [InlineData("""{"provider":"sandbox","name":""}""", "name")]
    [InlineData("""{"provider":"sandbox","name":"a","access_key":"AKIAIOSFODNN7EXAMPLE"}""", "provider")]
    [InlineData("""{"provider":"sandbox","name":"a","sync_interval_minutes":1}""", "sync_interval_minutes")]
    [InlineData("""{"provider":"sandbox","name":"a","regions":["ok-region","BAD REGION"]}""", "regions[1]")]
    [InlineData("""{"provider":"sandbox","name":"a","follow_workspace":"../x"}""", "follow_workspace")]
    [InlineData("""{"provider":"gcp","name":"a","project_id":"my-project-1","service_account_json":"{\"type\":\"authorized_user\"}"}""", "service_account_json")]
    public async Task Create_BadInput_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await InventoryApi.ScalarAsync<long>(_app.ConnectionString, "SELECT count(*) FROM cloud_accounts");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await _app.Operator().PostAsync("/api/v1/inventory/accounts", content, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(ct);
        body.ShouldContain("VALIDATION_ERROR");
        body.ShouldContain(field);
        body.ShouldNotContain("wJalrXUtnFEMI");
        (await InventoryApi.ScalarAsync<long>(_app.ConnectionString, "SELECT count(*) FROM cloud_accounts")).ShouldBe(before);
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400()
    {
        using var content = new StringContent("{\"provider\":", System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Operator().PostAsync("/api/v1/inventory/accounts", content, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_Account_Returns204ErasesSecretMaterialAndHidesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await (await _app.Operator().PostAsJsonAsync("/api/v1/credentials", new
        {
            provider = "aws", name = "to delete", access_key = "AKIAIOSFODNN7EXAMPLE", secret_key = AwsSecret,
        }, ct)).ReadJsonAsync();
        var id = created["id"]!.GetValue<Guid>();

        var response = await _app.Operator().DeleteAsync($"/api/v1/credentials/{id}", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await InventoryApi.ScalarAsync<long>(_app.ConnectionString,
            "SELECT count(*) FROM cloud_accounts WHERE id = @id AND credential_ciphertext IS NULL AND credential_wrapped_key IS NULL AND credential_hint IS NULL AND deleted_at IS NOT NULL",
            ("id", id))).ShouldBe(1);
        (await _app.Viewer().GetAsync($"/api/v1/inventory/accounts/{id}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.Operator().DeleteAsync($"/api/v1/credentials/{id}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_RenameAndSchedule_ChangesThemAndRefusesProviderChange()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await InventoryApi.CreateSandboxAsync(_app.Admin());

        var renamed = await _app.Operator().PatchAsJsonAsync($"/api/v1/inventory/accounts/{id}", new { name = "renamed", sync_interval_minutes = 30 }, ct);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await renamed.ReadJsonAsync();
        body["name"]!.GetValue<string>().ShouldBe("renamed");
        body["sync_interval_minutes"]!.GetValue<int>().ShouldBe(30);
        body["next_sync_at"].ShouldNotBeNull();

        (await _app.Operator().PatchAsJsonAsync($"/api/v1/inventory/accounts/{id}", new { provider = "aws" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Writes_AsViewer_Return403_AndAnonymous401()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _app.Viewer().PostAsJsonAsync("/api/v1/inventory/accounts", new { provider = "sandbox", name = "x" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _app.CreateClient().GetAsync("/api/v1/inventory/accounts", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _app.CreateClient().GetAsync("/api/v1/credentials", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
