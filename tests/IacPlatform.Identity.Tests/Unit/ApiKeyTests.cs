using IacPlatform.Contracts.Identity;
using IacPlatform.Identity.Domain;
using Shouldly;

namespace IacPlatform.Identity.Tests.Unit;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_AnyKey_IsPrefixedBase64UrlAndStoredAsItsHash()
    {
        var (key, secret) = ApiKey.Create(Guid.NewGuid(), "ci", ["state.read", "state.read"], null, Now);

        secret.ShouldStartWith("iacp_");
        secret.Length.ShouldBe(48);
        secret[5..].ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        key.Prefix.ShouldBe(secret[..12]);
        key.KeyHash.ShouldBe(ApiKeyHash.Of(secret));
        key.KeyHash.Length.ShouldBe(64);
        key.Scopes.ShouldBe(["state.read"]);
    }

    [Fact]
    public void IsUsableAt_ExpiredOrRevoked_ReturnsFalse()
    {
        var (expiring, _) = ApiKey.Create(Guid.NewGuid(), "ci", ["state.read"], Now.AddDays(1), Now);
        var (revoked, _) = ApiKey.Create(Guid.NewGuid(), "ci", ["state.read"], null, Now);

        revoked.Revoke(Now).ShouldBeTrue();
        revoked.Revoke(Now).ShouldBeFalse();

        expiring.IsUsableAt(Now).ShouldBeTrue();
        expiring.IsUsableAt(Now.AddDays(1)).ShouldBeFalse();
        revoked.IsUsableAt(Now).ShouldBeFalse();
    }
}
