using System.Security.Claims;
using IacPlatform.Inventory.Tags;
using IacPlatform.ServiceDefaults.Authentication;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IacPlatform.Inventory.Features.Resources;

public sealed record UpdateTagsRequest(Dictionary<string, string>? Tags);

/// <summary>Seed 000 <c>PUT /resources/{id}/tags</c>: replaces the tags, in the cloud first; If-Match → 412 on a stale ETag.</summary>
internal static class UpdateTags
{
    public static async Task<Results<Ok<ResourceDto>, ApiErrorResult>> Handle(
        Guid id, UpdateTagsRequest request, ClaimsPrincipal user, HttpContext http, TagUpdate update,
        CancellationToken cancellationToken)
    {
        var errors = TagUpdate.Validate(request.Tags);
        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The tags are invalid.", errors);
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var (resource, error) = await update.ReplaceAsync(id, request.Tags!, ifMatch.Length == 0 ? null : ifMatch,
            user.GetActorName(), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        http.Response.Headers.ETag = resource!.ETag;
        return TypedResults.Ok(ResourceDto.From(resource));
    }
}
