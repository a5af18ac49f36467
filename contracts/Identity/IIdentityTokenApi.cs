using Refit;

namespace IacPlatform.Contracts.Identity;

/// <summary>Identity's OAuth token endpoint, as other services call it.</summary>
public interface IIdentityTokenApi
{
    /// <summary>Posts a form-encoded token request (client credentials, API-key exchange).</summary>
    [Post("/connect/token")]
    Task<IApiResponse<TokenResponse>> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IReadOnlyDictionary<string, string> form,
        CancellationToken cancellationToken = default);
}
