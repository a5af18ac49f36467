using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>
/// Turns the framework's binding failures into messages for API users: which parameter or JSON field is
/// wrong, without the framework's type names or internals.
/// </summary>
internal static partial class BadRequestDescriber
{
    public static (int Status, string Message, IReadOnlyList<FieldError>? Details) Describe(BadHttpRequestException exception)
    {
        var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : 400;
        switch (status)
        {
            case 413:
                return (status, "The request body is too large.", null);
            case 415:
                return (status, "The request content type is not supported; send application/json.", null);
        }

        if (FindJsonException(exception) is { } json)
        {
            var field = JsonPathToField(json.Path);
            return field is null
                ? (status, "The request body is not valid JSON.", null)
                : (status, $"The JSON field '{field}' has an invalid value or type.", [new FieldError(field, "Invalid value or type.")]);
        }

        var message = exception.Message;
        if (BindFailure().Match(message) is { Success: true } bind)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(bind.Groups["name"].Value);
            return (status, $"The parameter '{name}' has an invalid value.", [new FieldError(name, "Invalid value.")]);
        }

        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
        {
            return (status, "A JSON request body is required.", null);
        }

        if (RequiredMissing().Match(message) is { Success: true } missing)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(missing.Groups["name"].Value);
            return (status, $"The parameter '{name}' is required.", [new FieldError(name, "Required.")]);
        }

        return (status, "The request is invalid.", null);
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary><c>$.scopes[0]</c> → <c>scopes[0]</c>; the root (<c>$</c>) has no field name.</summary>
    private static string? JsonPathToField(string? path) =>
        path is null || path.Length <= 2 ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]*\s)?(?<name>\w+)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?:[^"]*\s)?(?<name>\w+)" was not provided""")]
    private static partial Regex RequiredMissing();
}
