using IacPlatform.Inventory.Providers;
using IacPlatform.Inventory.Providers.Gcp;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Inventory.Features.Accounts;

internal static partial class CredentialInput
{
    /// <summary>The service account key file, validated by the GCP adapter's own parser (RSA key, client email, key id).</summary>
    private static (CloudCredentials?, string?) ParseGcpKey(string json, string projectId, List<FieldError> errors)
    {
        if (GcpServiceAccountKey.TryParse(json, projectId, out var credentials, out var problems))
        {
            return (credentials, $"{credentials!.ClientEmail} in {credentials.ProjectId}");
        }

        errors.AddRange(problems.Select(problem => new FieldError(
            problem.Field is "service_account_json" or "project_id" ? problem.Field : $"service_account_json.{problem.Field}",
            problem.Message)));
        return (null, null);
    }
}
