using System.Text.Json.Nodes;

namespace IacPlatform.State.Logs;

/// <summary>What one Terraform run log says happened (seed 003, POST /api/v1/terraform/parse-logs).</summary>
/// <param name="Format">
/// <c>json</c> (the -json UI stream), <c>plan_json</c> (<c>terraform show -json PLANFILE</c>) or <c>text</c>.
/// </param>
/// <param name="Operation"><c>plan</c>, <c>apply</c>, <c>destroy</c>, <c>refresh</c> or <c>unknown</c>.</param>
/// <param name="Status">
/// <c>success</c>, <c>failed</c>, <c>no_changes</c>, or <c>in_progress</c> when the log stops before Terraform's summary.
/// </param>
/// <param name="DurationSeconds">From the first to the last timestamp in the log; null when it has fewer than two.</param>
/// <param name="Modules">
/// <c>root</c> for the root module, else the module path without <c>module.</c> prefixes or keys
/// (<c>networking</c>, <c>app.db</c>).
/// </param>
/// <param name="Diagnostics">Errors and warnings Terraform reported, in order.</param>
internal sealed record TerraformLogSummary(
    string Format,
    string Operation,
    string Status,
    double? DurationSeconds,
    TerraformResourceCounts Resources,
    IReadOnlyList<TerraformChange> Changes,
    IReadOnlyList<string> Modules,
    IReadOnlyList<TerraformDiagnostic> Diagnostics,
    string? TerraformVersion);

/// <summary>
/// Resource counts as Terraform itself counts them: a replacement is one created and one destroyed.
/// <paramref name="Total"/> is created + updated + destroyed; <paramref name="Imported"/> is null when the log cannot say.
/// </summary>
internal sealed record TerraformResourceCounts(int Created, int Updated, int Destroyed, int? Imported, int Total);

/// <summary>One resource instance the run changes or plans to change.</summary>
/// <param name="Action"><c>create</c>, <c>update</c>, <c>delete</c>, <c>replace</c>, <c>read</c>, <c>import</c>,
/// <c>no-op</c> (only a moved address), or <c>forget</c> (removed from state without being destroyed).</param>
/// <param name="Before">Attribute values before the change; only plan JSON carries them, with sensitive values masked.</param>
/// <param name="After">Attribute values after the change, <c>(known after apply)</c> where Terraform cannot know them yet.</param>
/// <param name="Module">As in <see cref="TerraformLogSummary.Modules"/>.</param>
internal sealed record TerraformChange(string Address, string Action, JsonNode? Before, JsonNode? After, string Module);

/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Address">The resource the diagnostic is about, when Terraform names one.</param>
internal sealed record TerraformDiagnostic(string Severity, string Summary, string? Detail, string? Address);
