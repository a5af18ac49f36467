using System.Text.RegularExpressions;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Providers;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>
/// Shape checks of the seed-001 credential fields per provider, at the boundary: a malformed key is refused with
/// the field named (never echoed) before anything is stored or sent to a provider.
/// </summary>
internal static partial class CredentialInput
{
    public static (CloudCredentials? Credentials, string? Hint, List<FieldError> Errors) Parse(string provider, AccountRequest request)
    {
        var errors = new List<FieldError>();
        CloudCredentials? credentials = null;
        string? hint = null;
        switch (provider)
        {
            case ProviderKinds.Aws:
                Require(errors, "access_key", request.AccessKey, AwsAccessKey(), "an AWS access key id (AKIA… or ASIA…, 20 characters)");
                Require(errors, "secret_key", request.SecretKey, AwsSecretKey(), "an AWS secret access key (40 characters)");
                if (request.SessionToken is { Length: > 4096 })
                {
                    errors.Add(new FieldError("session_token", "session_token must be at most 4096 characters."));
                }

                if (errors.Count == 0)
                {
                    credentials = new AwsCredentials(request.AccessKey!, request.SecretKey!, request.SessionToken,
                        request.Region ?? "us-east-1");
                    hint = $"access key …{request.AccessKey![^4..]}";
                }

                break;
            case ProviderKinds.Azure:
                RequireGuid(errors, "tenant_id", request.TenantId);
                RequireGuid(errors, "client_id", request.ClientId);
                RequireGuid(errors, "subscription_id", request.SubscriptionId);
                if (string.IsNullOrEmpty(request.ClientSecret) || request.ClientSecret.Length > 512)
                {
                    errors.Add(new FieldError("client_secret", "client_secret is required (at most 512 characters)."));
                }

                if (errors.Count == 0)
                {
                    credentials = new AzureCredentials(request.TenantId!, request.ClientId!, request.ClientSecret!, request.SubscriptionId!);
                    hint = $"subscription {request.SubscriptionId}";
                }

                break;
            case ProviderKinds.Gcp:
                Require(errors, "project_id", request.ProjectId, GcpProjectId(), "a GCP project id (6–30 lowercase letters, digits, hyphens)");
                if (string.IsNullOrEmpty(request.ServiceAccountJson) || request.ServiceAccountJson.Length > 16_384)
                {
                    errors.Add(new FieldError("service_account_json", "service_account_json is required (a service account key file, at most 16 KB)."));
                }
                else if (errors.Count == 0)
                {
                    (credentials, hint) = ParseGcpKey(request.ServiceAccountJson, request.ProjectId!, errors);
                }

                break;
            case ProviderKinds.Sandbox:
                if (request.HasCredentialFields)
                {
                    errors.Add(new FieldError("provider", "sandbox accounts take no credentials."));
                }
                else
                {
                    credentials = new SandboxCredentials();
                }

                break;
        }

        return (credentials, hint, errors);
    }

    public static bool IsValidRegion(string provider, string region) => provider switch
    {
        ProviderKinds.Aws => AwsRegion().IsMatch(region),
        ProviderKinds.Azure => AzureRegion().IsMatch(region),
        ProviderKinds.Gcp => GcpRegion().IsMatch(region),
        _ => SandboxRegion().IsMatch(region),
    };

    private static void Require(List<FieldError> errors, string field, string? value, Regex pattern, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new FieldError(field, $"{field} is required."));
        }
        else if (!pattern.IsMatch(value))
        {
            errors.Add(new FieldError(field, $"{field} must be {what}."));
        }
    }

    private static void RequireGuid(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new FieldError(field, $"{field} is required."));
        }
        else if (!Guid.TryParseExact(value, "D", out _))
        {
            errors.Add(new FieldError(field, $"{field} must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."));
        }
    }

    [GeneratedRegex("^(AKIA|ASIA)[A-Z0-9]{16}$")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex("^[A-Za-z0-9/+=]{40}$")]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex GcpProjectId();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$")]
    private static partial Regex AwsRegion();

    [GeneratedRegex("^[a-z][a-z0-9]{2,40}$")]
    private static partial Regex AzureRegion();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]{1,2}$")]
    private static partial Regex GcpRegion();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SandboxRegion();
}
