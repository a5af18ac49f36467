using IacPlatform.Inventory.Relationships;
using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Inventory.Features.Graph;

/// <summary>The <c>direction</c> and <c>types</c> query parameters shared by the relationship reads.</summary>
internal static class Directions
{
    public const string Both = "both";
    public const string Outgoing = "outgoing";
    public const string Incoming = "incoming";

    /// <summary>both (default), outgoing or incoming; null and an error otherwise.</summary>
    public static string? Parse(string? direction, out ApiErrorResult? error)
    {
        error = null;
        var value = string.IsNullOrWhiteSpace(direction) ? Both : direction.Trim().ToLowerInvariant();
        if (value is Both or Outgoing or Incoming)
        {
            return value;
        }

        error = ApiErrors.Validation("direction", $"direction must be one of {Both}, {Outgoing}, {Incoming}.");
        return null;
    }

    /// <summary>
    /// A comma-separated list of relationship types; null (every type) when absent. Sets
    /// <paramref name="error"/> naming the unknown ones.
    /// </summary>
    public static string[]? ParseTypes(string? types, out ApiErrorResult? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(types))
        {
            return null;
        }

        var values = types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().ToArray();
        var unknown = values.Where(t => !RelationshipTypes.IsKnown(t)).ToList();
        if (unknown.Count > 0)
        {
            error = ApiErrors.Validation("types",
                $"Unknown relationship type(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; "
                + $"known types are {string.Join(", ", RelationshipTypes.All)}.");
            return null;
        }

        return values.Length == 0 ? null : values;
    }
}
