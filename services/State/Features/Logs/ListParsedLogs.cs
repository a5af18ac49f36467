using System.Text.Json;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Http;
using IacPlatform.State.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.State.Features.Logs;

public sealed record ParsedLogItem(
    Guid Id, string Format, string Status, string? SourceName, long Size, string CreatedByName, DateTimeOffset ParsedAt);

public sealed record ParsedLogList(IReadOnlyList<ParsedLogItem> Logs, long Total, int Limit, int Offset);

internal static class ListParsedLogs
{
    public static async Task<Results<Ok<ParsedLogList>, ApiErrorResult>> Handle(
        string tool, HttpResponse response, StateDb db, int? limit, int? offset, int? skip, CancellationToken cancellationToken)
    {
        if (Paging.Resolve(limit, offset, skip, out var error) is not { } paging)
        {
            return error!;
        }

        var query = db.ParsedLogs.AsNoTracking().Where(l => l.Tool == tool);
        var (logs, total) = await paging.ReadAsync(query.OrderByDescending(l => l.CreatedAt), response, cancellationToken);
        return TypedResults.Ok(new ParsedLogList(
            [.. logs.Select(l => new ParsedLogItem(l.Id, l.Format, l.Status, l.SourceName, l.Size, l.CreatedByName, l.CreatedAt))],
            total, paging.Limit, paging.Offset));
    }

    public static async Task<Results<Ok<JsonElement>, ApiErrorResult>> Get(string tool, Guid id, StateDb db, CancellationToken cancellationToken)
    {
        var log = await db.ParsedLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Tool == tool, cancellationToken);
        if (log is null)
        {
            return ApiErrors.NotFound($"Parsed {tool} log {id} does not exist.");
        }

        var body = System.Text.Json.Nodes.JsonNode.Parse(log.Summary)!.AsObject();
        body.Insert(0, "id", log.Id);
        body["source_name"] = log.SourceName;
        body["parsed_at"] = log.CreatedAt;
        return TypedResults.Ok(JsonSerializer.SerializeToElement(body));
    }
}
