namespace IacPlatform.Drift.Engine;

/// <summary>Why a state could not be read.</summary>
/// <param name="Code">One of the constants below, stable for clients and the error format.</param>
/// <param name="Message">A sentence a user can act on.</param>
public sealed record StateReadError(string Code, string Message)
{
    /// <summary>Empty, not JSON, or trailing content after the document.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>The document is JSON but not an object.</summary>
    public const string NotAnObject = "not_an_object";

    /// <summary>No <c>version</c>, or a version other than 4.</summary>
    public const string UnsupportedVersion = "unsupported_version";

    /// <summary><c>resources</c> is not an array, or one of its entries is malformed.</summary>
    public const string InvalidResources = "invalid_resources";

    /// <summary>More than <see cref="StateResources.MaxInstances"/> resource instances.</summary>
    public const string TooManyInstances = "too_many_instances";
}
