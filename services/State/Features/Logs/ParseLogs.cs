using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Data;
using IacPlatform.State.Domain;
using IacPlatform.State.Logs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Features.Logs;

/// <summary>Reads the upload, parses it with the tool's parser, keeps the summary, answers it with its id.</summary>
internal static class ParseLogs
{
    public const string Terraform = "terraform";
    public const string Ansible = "ansible";
    public const long MaxLogBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<Results<Created<JsonObject>, ApiErrorResult>> Handle(
        string tool, HttpRequest request, ClaimsPrincipal user, StateDb db, TimeProvider time,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (text, sourceName, error) = await ReadUploadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        object summary;
        string format;
        string status;
        try
        {
            if (tool == Terraform)
            {
                var parsed = TerraformLogParser.Parse(text!);
                (summary, format, status) = (parsed, parsed.Format, parsed.Status);
            }
            else
            {
                var parsed = AnsibleLogParser.Parse(text!, sourceName);
                (summary, format, status) = (parsed, parsed.Format, parsed.Status);
            }
        }
        catch (LogParseException ex)
        {
            return ApiErrors.Validation("file", ex.Message);
        }

        var now = time.GetUtcNow();
        var body = JsonSerializer.SerializeToNode(summary, summary.GetType(), json.Value.SerializerOptions)!.AsObject();
        var log = ParsedLog.Create(tool, format, status, sourceName, Encoding.UTF8.GetByteCount(text!), body.ToJsonString(), Callers.Of(user), now);
        body.Insert(0, "id", log.Id);
        body["source_name"] = sourceName;
        body["parsed_at"] = now;
        db.ParsedLogs.Add(log);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/{tool}/parsed-logs/{log.Id}", body);
    }

    private static async Task<(string? Text, string? SourceName, ApiErrorResult? Error)> ReadUploadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxLogBytes)
        {
            return (null, null, TooLarge());
        }

        byte[] bytes;
        string? sourceName = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
            {
                return (null, null, ApiErrors.Validation("file", "Upload the log as the multipart field 'file'."));
            }

            if (file.Length > MaxLogBytes)
            {
                return (null, null, TooLarge());
            }

            sourceName = Path.GetFileName(file.FileName);
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        else
        {
            var (body, tooLarge) = await Backend.RequestBodies.ReadAsync(request, MaxLogBytes, cancellationToken);
            if (tooLarge)
            {
                return (null, null, TooLarge());
            }

            bytes = body!;
        }

        try
        {
            return (StrictUtf8.GetString(bytes), sourceName is { Length: > 0 and <= 255 } ? sourceName : null, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, null, ApiErrors.Validation("file", "The log is not UTF-8 text."));
        }
    }

    private static ApiErrorResult TooLarge() =>
        ApiErrors.Create(413, ErrorCodes.PayloadTooLarge, $"Logs are limited to {MaxLogBytes / 1024 / 1024} MB.");
}
