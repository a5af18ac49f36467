using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Inventory.Features.Accounts;

/// <summary>The non-secret account fields shared by create and update.</summary>
internal static class AccountValidation
{
    public const int MaxRegions = 50;

    public static void Check(string provider, AccountRequest request, bool creating, List<FieldError> errors)
    {
        if (creating || request.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            {
                errors.Add(new FieldError("name", "name is required (1 to 200 characters)."));
            }
        }

        if (request.Region is not null && !CredentialInput.IsValidRegion(provider, request.Region))
        {
            errors.Add(new FieldError("region", $"'{Shorten(request.Region)}' is not a {provider} region name."));
        }

        if (request.Regions is { } regions)
        {
            if (regions.Count > MaxRegions)
            {
                errors.Add(new FieldError("regions", $"At most {MaxRegions} regions."));
            }

            foreach (var (region, index) in regions.Select((r, i) => (r, i)))
            {
                if (region is null || !CredentialInput.IsValidRegion(provider, region))
                {
                    errors.Add(new FieldError($"regions[{index}]", $"'{Shorten(region)}' is not a {provider} region name."));
                }
            }
        }

        if (request.FollowWorkspace is { } workspace)
        {
            if (provider != Domain.ProviderKinds.Sandbox)
            {
                errors.Add(new FieldError("follow_workspace", "Only sandbox accounts can follow a workspace."));
            }
            else if (workspace.Length > 90 || (workspace.Length > 0 && !workspace.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                errors.Add(new FieldError("follow_workspace", "follow_workspace must be a workspace name (letters, digits, '-', '_', '.'), or empty to stop following."));
            }
        }

        if (request.SyncIntervalMinutes is { } minutes && minutes is not (0 or (>= 5 and <= 10_080)))
        {
            errors.Add(new FieldError("sync_interval_minutes", "sync_interval_minutes must be 5 to 10080 (a week), or 0 to turn the schedule off."));
        }
    }

    private static string Shorten(string? value) => value is null ? "null" : value.Length > 40 ? value[..40] + "…" : value;
}
