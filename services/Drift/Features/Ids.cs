using System.Text.RegularExpressions;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Drift.Features;

/// <summary>Identifiers from the caller, checked at the boundary so a malformed one is a 400 that names it.</summary>
internal static partial class Ids
{
    public static bool TryParse(string? text, string field, out Guid id, out ApiErrorResult? error)
    {
        error = null;
        if (Guid.TryParse(text, out id))
        {
            return true;
        }

        error = ApiErrors.Validation(field, $"{field} must be a UUID.");
        return false;
    }

    public const string WorkspaceNameRule =
        "A workspace name is 1 to 90 letters, digits, '.', '_' or '-', starting with a letter or digit.";

    /// <summary>Workspace names as State accepts them.</summary>
    public static bool IsWorkspaceName(string? name) => name is not null && WorkspaceName().IsMatch(name);

    /// <summary>
    /// A <c>workspace</c> query filter: absent, or a name State could have. Anything else is a 400 that names it, rather
    /// than a query PostgreSQL refuses (a NUL cannot be sent in text) and a 500.
    /// </summary>
    public static bool TryWorkspaceFilter(string? workspace, out ApiErrorResult? error)
    {
        error = workspace is null || IsWorkspaceName(workspace) ? null : ApiErrors.Validation("workspace", WorkspaceNameRule);
        return error is null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,89}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WorkspaceName();
}
