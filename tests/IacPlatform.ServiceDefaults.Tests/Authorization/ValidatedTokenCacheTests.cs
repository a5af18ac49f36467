using System.Security.Claims;
using IacPlatform.ServiceDefaults.Authentication;
using Shouldly;

namespace IacPlatform.ServiceDefaults.Tests.Authorization;

public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public void Add_TokenAlreadyExpired_IsNotCached()
    {
        using var cache = new ValidatedTokenCache(TimeProvider.System);

        cache.Add("token-a", Principal("alice"), DateTime.UtcNow.AddSeconds(-1));

        cache.TryGet("token-a", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGet_OnlyTheExactTokenHits()
    {
        using var cache = new ValidatedTokenCache(TimeProvider.System);
        cache.Add("header.payload.signature", Principal("alice"), DateTime.UtcNow.AddMinutes(1));

        cache.TryGet("header.payload.signature", out var hit).ShouldBeTrue();
        hit!.FindFirst("sub")!.Value.ShouldBe("alice");
        cache.TryGet("header.payload.signaturf", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGet_ReturnsACopy_SoOneRequestCannotAlterAnother()
    {
        using var cache = new ValidatedTokenCache(TimeProvider.System);
        cache.Add("t", Principal("alice"), DateTime.UtcNow.AddMinutes(1));

        cache.TryGet("t", out var first).ShouldBeTrue();
        ((ClaimsIdentity)first!.Identity!).AddClaim(new Claim("role", "admin"));

        cache.TryGet("t", out var second).ShouldBeTrue();
        second!.FindFirst("role").ShouldBeNull();
    }

    private static ClaimsPrincipal Principal(string subject) =>
        new(new ClaimsIdentity([new Claim("sub", subject)], "Bearer"));
}
