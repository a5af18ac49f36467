using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>
/// Turns every ProblemDetails the framework produces (validation, status-code pages, bad requests)
/// into the platform error format, so no RFC 7807 body leaks out in another shape.
/// </summary>
internal sealed class ApiProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        if (status < 400)
        {
            status = 500;
        }

        object? details = null;
        var message = ErrorCodes.MessageForStatus(status);
        if (context.Exception is BadHttpRequestException bad)
        {
            // The developer exception page hands binding failures over with the framework's own wording.
            (status, message, var fields) = BadRequestDescriber.Describe(bad);
            details = fields;
        }
        else if (context.ProblemDetails is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            details = validation.Errors
                .SelectMany(pair => pair.Value.Select(error => new FieldError(ToSnakeCase(pair.Key), error)))
                .ToList();
            message = "One or more fields are invalid.";
        }
        else if (status < 500 && context.Exception is null && !string.IsNullOrWhiteSpace(context.ProblemDetails.Detail))
        {
            // A detail an endpoint chose to give; an exception's text (any other exception) never is.
            message = context.ProblemDetails.Detail;
        }

        return new ValueTask(ApiErrorWriter.WriteAsync(http, status, ErrorCodes.ForStatus(status), message, details));
    }

    private static string ToSnakeCase(string name) =>
        string.Join('.', name.Split('.').Select(part => JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
}
