using System.Text.Json;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Query;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IacPlatform.Inventory.Features.Resources;

/// <summary>
/// <c>POST /api/v1/resources/search</c>: the query DSL (<see cref="QueryRequestParser"/>), answered as a cursor page.
/// An empty body lists every live resource by name. The body is read here rather than bound, so that an empty
/// body, a malformed one and one nested too deeply each get a precise answer.
/// </summary>
internal static class QueryResources
{
    private const int MaxBodyBytes = 256 * 1024;

    public static async Task<Results<Ok<ResourcePage>, ApiErrorResult>> Handle(
        HttpRequest request, InventoryDb db, IOptions<JsonOptions> json, CancellationToken cancellationToken,
        string? fields = null)
    {
        var (body, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var errors = new QueryErrors();
        if (QueryRequestParser.Parse(body, fields, errors) is not { } query)
        {
            return errors.ToResult();
        }

        var result = await ResourceQueryRunner.RunAsync(db, query, cancellationToken);
        return TypedResults.Ok(ResourcePage.From(result, query, Fieldsets.Project(result.Items, query.Fields, json.Value.SerializerOptions)));
    }

    private static async Task<(JsonElement? Body, ApiErrorResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, ApiErrors.Create(413, ErrorCodes.PayloadTooLarge, $"The query body is larger than {MaxBodyBytes / 1024} KiB."));
            }
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null);
        }

        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return (null, ApiErrors.Create(415, ErrorCodes.UnsupportedMediaType, "The query body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})"
                : "";
            return (null, ApiErrors.Validation($"The request body is not valid JSON{where}.", [new FieldError("$", "Malformed JSON or nested more than 64 levels.")]));
        }
    }
}
