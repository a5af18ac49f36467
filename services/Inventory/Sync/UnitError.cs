using System.Text.Json;

namespace IacPlatform.Inventory.Sync;

/// <summary>One failed (region, service) unit of a sync, as kept in the job's errors (a JSON array).</summary>
internal sealed record UnitError(string? Region, string? Service, string Kind, string Message)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The job-level failure (no unit): the account was deleted, the process stopped, …</summary>
    public static UnitError Job(string message, string kind = "failed") => new(null, null, kind, message);

    /// <summary>The <c>sync_jobs.errors</c> text for these errors.</summary>
    public static string ToJson(IEnumerable<UnitError> errors) => JsonSerializer.Serialize(errors, Json);
}
