using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IacPlatform.Inventory.Providers.Gcp;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Providers.Gcp;

public sealed class GcpServiceAccountKeyTests
{
    [Fact]
    public void TryParse_GcloudKeyFile_ReturnsCredentialsForTheGivenProject()
    {
        var ok = GcpServiceAccountKey.TryParse(GcpTestCloud.KeyJson(), "other-project-77", out var credentials, out var errors);

        ok.ShouldBeTrue();
        errors.ShouldBeEmpty();
        credentials.ShouldNotBeNull();
        credentials.ClientEmail.ShouldBe(GcpTestCloud.ClientEmail);
        credentials.PrivateKeyId.ShouldBe(GcpTestCloud.KeyId);
        credentials.ProjectId.ShouldBe("other-project-77");
        credentials.PrivateKeyPem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
    }

    [Theory]
    [InlineData("", "service_account_json")]
    [InlineData("not json at all", "service_account_json")]
    [InlineData("""["service_account"]""", "service_account_json")]
    [InlineData("""{"type":"service_account",""", "service_account_json")]
    public void TryParse_NotAKeyDocument_ReportsTheDocument(string json, string field)
    {
        GcpServiceAccountKey.TryParse(json, GcpTestCloud.Project, out var credentials, out var errors).ShouldBeFalse();

        credentials.ShouldBeNull();
        errors.ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Theory]
    [InlineData("type", "authorized_user")]
    [InlineData("type", null)]
    [InlineData("client_email", null)]
    [InlineData("client_email", "not-an-email")]
    [InlineData("private_key_id", null)]
    [InlineData("private_key_id", "has spaces in it")]
    [InlineData("private_key", null)]
    [InlineData("private_key", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n")]
    [InlineData("private_key", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ")]
    public void TryParse_BadField_ReportsThatFieldOnlyWithoutQuotingIt(string field, string? value)
    {
        var key = JsonNode.Parse(GcpTestCloud.KeyJson())!.AsObject();
        key[field] = value;

        GcpServiceAccountKey.TryParse(key.ToJsonString(), GcpTestCloud.Project, out var credentials, out var errors).ShouldBeFalse();

        credentials.ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(field);
        if (value is { Length: > 8 })
        {
            error.Message.ShouldNotContain(value);
        }
    }

    [Fact]
    public void TryParse_EcPrivateKey_IsRejectedAsNotRsa()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        GcpServiceAccountKey.TryParse(GcpTestCloud.KeyJson(ec.ExportPkcs8PrivateKeyPem()), GcpTestCloud.Project, out _, out var errors).ShouldBeFalse();

        errors.ShouldHaveSingleItem().Field.ShouldBe("private_key");
    }

    [Fact]
    public void TryParse_PublicKeyOrEncryptedKey_IsRejected()
    {
        using var rsa = RSA.Create(2048);
        var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));

        GcpServiceAccountKey.TryParse(GcpTestCloud.KeyJson(rsa.ExportSubjectPublicKeyInfoPem()), GcpTestCloud.Project, out _, out var publicErrors).ShouldBeFalse();
        GcpServiceAccountKey.TryParse(GcpTestCloud.KeyJson(encrypted), GcpTestCloud.Project, out _, out var encryptedErrors).ShouldBeFalse();

        publicErrors.ShouldHaveSingleItem().Field.ShouldBe("private_key");
        encryptedErrors.ShouldHaveSingleItem().Field.ShouldBe("private_key");
    }

    [Fact]
    public void TryParse_WeakRsaKey_IsRejected()
    {
        using var rsa = RSA.Create(1024);

        GcpServiceAccountKey.TryParse(GcpTestCloud.KeyJson(rsa.ExportPkcs8PrivateKeyPem()), GcpTestCloud.Project, out _, out var errors).ShouldBeFalse();

        errors.ShouldHaveSingleItem().Message.ShouldContain("2048");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Acme-Prod")]
    [InlineData("p")]
    [InlineData("acme-prod-123456/../../other")]
    public void TryParse_BadProjectId_ReportsTheProject(string? projectId)
    {
        GcpServiceAccountKey.TryParse(GcpTestCloud.KeyJson(), projectId, out _, out var errors).ShouldBeFalse();

        errors.ShouldHaveSingleItem().Field.ShouldBe("project_id");
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsEach()
    {
        GcpServiceAccountKey.TryParse("""{"type":"user","private_key":"x"}""", "", out _, out var errors).ShouldBeFalse();

        errors.Select(e => e.Field).ShouldBe(["project_id", "type", "client_email", "private_key_id", "private_key"], ignoreOrder: true);
    }
}
