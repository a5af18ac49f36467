using IacPlatform.AppHost.Orchestration;
using Shouldly;

namespace IacPlatform.AppHost.Tests.Unit;

public sealed class SecretStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacp-secrets-").FullName;

    [Fact]
    public void GetOrCreate_SecondLoad_ReusesValuesFromOwnerOnlyFile()
    {
        var path = Path.Combine(_dir, "apphost-secrets.json");
        var first = SecretStore.Load(path);
        var password = first.GetOrCreate("postgres:password", () => SecretGenerator.Password());
        first.WasCreated("postgres:password").ShouldBeTrue();

        var second = SecretStore.Load(path);

        second.GetOrCreate("postgres:password", () => "other").ShouldBe(password);
        second.WasCreated("postgres:password").ShouldBeFalse();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void AdminPassword_Generated_MeetsIdentityDefaultRules()
    {
        var password = SecretGenerator.AdminPassword();

        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        password.Any(char.IsUpper).ShouldBeTrue();
        password.Any(char.IsLower).ShouldBeTrue();
        password.Any(char.IsDigit).ShouldBeTrue();
        password.Any(c => !char.IsLetterOrDigit(c)).ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
