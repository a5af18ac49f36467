using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Drift.Features.IgnoreRules;

/// <summary>
/// An ignore rule: <c>address_pattern</c> is a glob over resource addresses (<c>*</c>, <c>?</c>), <c>attribute_path</c>
/// a dotted path (<c>*</c> one segment, a trailing <c>**</c> everything below, e.g. <c>tags.**</c>); <c>workspace</c>
/// null means every workspace; <c>expires_at</c> must be in the future.
/// </summary>
public sealed record IgnoreRuleRequest(string? Workspace, string? AddressPattern, string? AttributePath, string? Reason, DateTimeOffset? ExpiresAt);

internal static class IgnoreRuleValidation
{
    public static List<FieldError> Validate(IgnoreRuleRequest request, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (request.Workspace is not null && !Ids.IsWorkspaceName(request.Workspace))
        {
            errors.Add(new FieldError("workspace", Ids.WorkspaceNameRule));
        }

        if (string.IsNullOrWhiteSpace(request.AddressPattern) || request.AddressPattern.Length > 500 || request.AddressPattern.Any(char.IsControl))
        {
            errors.Add(new FieldError("address_pattern", "address_pattern is required: 1 to 500 printable characters (a glob: * and ? match)."));
        }

        if (PathError(request.AttributePath) is { } pathError)
        {
            errors.Add(new FieldError("attribute_path", pathError));
        }

        // Line breaks are fine in a reason; a NUL cannot be stored in PostgreSQL text.
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000 || request.Reason.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new FieldError("reason", "reason is required (1 to 1000 characters, no NUL): say why this difference is expected."));
        }

        if (request.ExpiresAt is { } expires && expires <= now)
        {
            errors.Add(new FieldError("expires_at", "expires_at must be in the future."));
        }

        return errors;
    }

    private static string? PathError(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > 300 || path.Any(char.IsControl))
        {
            return "attribute_path is required: 1 to 300 printable characters, dotted (e.g. tags.LastScanned, ingress.*.description, tags.**).";
        }

        var segments = path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            return "attribute_path has an empty segment (two dots, or a leading or trailing dot).";
        }

        return segments.SkipLast(1).Contains("**") ? "** may only be the last segment of attribute_path." : null;
    }
}
