using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>A difference as the comparison found it, before rating and ignore rules.</summary>
/// <param name="Segments">The path's segments (list indexes as decimal text).</param>
/// <param name="Expected">The desired node (still attached to its tree: clone before handing it out).</param>
/// <param name="Actual">The observed node (likewise).</param>
/// <param name="Kind"><see cref="DifferenceKinds"/>.</param>
/// <param name="IsTag">Found by the tag comparison (path <c>tags.&lt;key&gt;</c>).</param>
internal readonly record struct RawDifference(string[] Segments, JsonNode? Expected, JsonNode? Actual, string Kind, bool IsTag)
{
    public string Path => string.Join('.', Segments);
}
