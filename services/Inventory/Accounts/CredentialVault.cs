using System.Security.Cryptography;
using System.Text.Json;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers;
using IacPlatform.ServiceDefaults.Encryption;

namespace IacPlatform.Inventory.Accounts;

/// <summary>
/// Seals an account's credentials with the envelope cipher (bound to the account id) and opens them only for a
/// sync or a tag write. The plaintext JSON lives in memory for the call and is zeroed afterwards.
/// </summary>
internal sealed class CredentialVault(EnvelopeCipher cipher)
{
    public EncryptedPayload Seal(Guid accountId, CloudCredentials credentials)
    {
        var values = credentials switch
        {
            AwsCredentials aws => new Dictionary<string, string?>
            {
                ["access_key"] = aws.AccessKeyId, ["secret_key"] = aws.SecretAccessKey,
                ["session_token"] = aws.SessionToken, ["region"] = aws.Region,
            },
            AzureCredentials azure => new Dictionary<string, string?>
            {
                ["tenant_id"] = azure.TenantId, ["client_id"] = azure.ClientId,
                ["client_secret"] = azure.ClientSecret, ["subscription_id"] = azure.SubscriptionId,
            },
            GcpCredentials gcp => new Dictionary<string, string?>
            {
                ["client_email"] = gcp.ClientEmail, ["private_key"] = gcp.PrivateKeyPem,
                ["private_key_id"] = gcp.PrivateKeyId, ["project_id"] = gcp.ProjectId,
            },
            SandboxCredentials => [],
            _ => throw new ArgumentException($"Unknown credentials type {credentials.GetType().Name}.", nameof(credentials)),
        };
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(values);
        try
        {
            return cipher.Encrypt(plaintext, accountId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The account's credentials, or null when they were deleted.</summary>
    public CloudCredentials? Open(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Provider == ProviderKinds.Sandbox)
        {
            return new SandboxCredentials();
        }

        if (account.Credentials is not { } payload)
        {
            return null;
        }

        var plaintext = cipher.Decrypt(payload, account.Id);
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(plaintext) ?? [];
            string Value(string key) => values.GetValueOrDefault(key) ?? "";
            return account.Provider switch
            {
                ProviderKinds.Aws => new AwsCredentials(Value("access_key"), Value("secret_key"),
                    values.GetValueOrDefault("session_token"), Value("region")),
                ProviderKinds.Azure => new AzureCredentials(Value("tenant_id"), Value("client_id"), Value("client_secret"),
                    Value("subscription_id")),
                ProviderKinds.Gcp => new GcpCredentials(Value("client_email"), Value("private_key"), Value("private_key_id"),
                    Value("project_id")),
                _ => null,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
