using System.Security.Cryptography;
using IacPlatform.Identity.Tests.Infrastructure;
using IacPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace IacPlatform.Identity.Tests.Api;

public sealed class SigningKeyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Login_ConfiguredSigningKey_TokenValidatesWithThatKeyAndAudience()
    {
        using var rsa = RSA.Create(2048);
        await using var app = await IdentityApp.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["Identity:SigningKeyPem"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth:Audience"] = "custom-audience",
        });

        var tokens = await app.LoginAdminAsync();

        using var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo(), out _);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "http://identity/",
            ValidAudience = "custom-audience",
            IssuerSigningKey = new RsaSecurityKey(publicKey),
        });
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
    }
}
