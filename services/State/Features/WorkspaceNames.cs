using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;

namespace IacPlatform.State.Features;

internal static class WorkspaceNames
{
    public static ApiErrorResult? Validate(string? name) => Workspace.IsValidName(name)
        ? null
        : ApiErrors.Validation("name",
            $"Workspace names are 1 to {Workspace.MaxNameLength} characters: letters, digits, '.', '_' and '-', starting with a letter or digit.");
}
