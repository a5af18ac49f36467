using System.Security.Claims;
using System.Text.Json.Nodes;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.State.Domain;
using IacPlatform.State.Features.Backend;
using IacPlatform.State.Storage;
using IacPlatform.State.Tfstate;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IacPlatform.State.Features.StateFiles;

public sealed record ImportResourceRequest(
    Guid? StateId, string? ResourceType, string? ResourceName, string? ResourceId, string? Module, string? Provider,
    JsonNode? IndexKey, JsonObject? Attributes, string? LockId);

public sealed record RemoveResourceRequest(Guid? StateId, string? Address, string? LockId);

public sealed record MoveResourceRequest(Guid? StateId, string? FromAddress, string? ToAddress, string? LockId);

/// <summary>
/// <c>terraform import</c>/<c>state rm</c>/<c>state mv</c> through the API: the edit is computed on the current
/// version and written as the next serial by <see cref="StateWriter"/>, so locks, lineage and history hold. A
/// concurrent write in between makes the edit fail with 409 rather than overwrite it.
/// </summary>
internal static class EditState
{
    public static Task<Results<Ok<StateEditResponse>, LockInfoResult, ApiErrorResult>> Import(
        ImportResourceRequest request, ClaimsPrincipal user, StateReader reader, StateWriter writer, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Require(errors, "resource_type", request.ResourceType);
        Require(errors, "resource_name", request.ResourceName);
        Require(errors, "resource_id", request.ResourceId);
        if (request.ResourceId is { Length: > 1024 })
        {
            errors.Add(new FieldError("resource_id", "resource_id must be at most 1024 characters."));
        }

        object? indexKey = null;
        if (request.IndexKey is JsonValue key)
        {
            indexKey = key.TryGetValue<long>(out var number) ? number : key.TryGetValue<string>(out var text) ? text : null;
        }

        if (request.IndexKey is not null && indexKey is null)
        {
            errors.Add(new FieldError("index_key", "index_key must be an integer (count) or a string (for_each)."));
        }

        return RunAsync(request.StateId, request.LockId, errors, VersionSource.Import, user, reader, writer,
            state => StateEditor.ImportResource(state, request.ResourceType!, request.ResourceName!, request.ResourceId!,
                request.Module, request.Provider, indexKey, request.Attributes),
            cancellationToken);
    }

    public static Task<Results<Ok<StateEditResponse>, LockInfoResult, ApiErrorResult>> Remove(
        RemoveResourceRequest request, ClaimsPrincipal user, StateReader reader, StateWriter writer, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Require(errors, "address", request.Address);
        return RunAsync(request.StateId, request.LockId, errors, VersionSource.Remove, user, reader, writer,
            state => StateEditor.RemoveAddress(state, request.Address!), cancellationToken);
    }

    public static async Task<Results<Ok<StateEditResponse>, LockInfoResult, ApiErrorResult>> RemoveById(
        string id, ClaimsPrincipal user, StateReader reader, StateWriter writer, CancellationToken cancellationToken,
        [FromQuery(Name = "lock_id")] string? lockId = null)
    {
        if (!StateFileIds.TryParseResourceId(id, out var workspaceId, out var address))
        {
            return ApiErrors.NotFound($"Resource {id} does not exist.");
        }

        return await RunAsync(workspaceId, lockId, [], VersionSource.Remove, user, reader, writer,
            state => StateEditor.RemoveAddress(state, address), cancellationToken);
    }

    public static Task<Results<Ok<StateEditResponse>, LockInfoResult, ApiErrorResult>> Move(
        MoveResourceRequest request, ClaimsPrincipal user, StateReader reader, StateWriter writer, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Require(errors, "from_address", request.FromAddress);
        Require(errors, "to_address", request.ToAddress);
        return RunAsync(request.StateId, request.LockId, errors, VersionSource.Move, user, reader, writer,
            state => StateEditor.MoveAddress(state, request.FromAddress!, request.ToAddress!), cancellationToken);
    }

    private static async Task<Results<Ok<StateEditResponse>, LockInfoResult, ApiErrorResult>> RunAsync(
        Guid? stateId, string? lockId, List<FieldError> errors, VersionSource source, ClaimsPrincipal user,
        StateReader reader, StateWriter writer, Func<byte[], StateEditResult> edit, CancellationToken cancellationToken)
    {
        if (stateId is null)
        {
            errors.Insert(0, new FieldError("state_id", "state_id is required."));
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The request is invalid.", errors);
        }

        var workspace = await reader.FindWorkspaceAsync(stateId!.Value, cancellationToken);
        if (workspace?.CurrentVersionId is not { } versionId || await reader.FindVersionAsync(versionId, cancellationToken) is not { } current)
        {
            return ApiErrors.NotFound($"State file {stateId} does not exist or has no state.");
        }

        var result = edit(await reader.ReadContentAsync(current, cancellationToken));
        if (!result.Succeeded)
        {
            return result.Error switch
            {
                StateEditError.NotFound => ApiErrors.NotFound(result.Message),
                StateEditError.Conflict => ApiErrors.AlreadyExists(result.Message),
                _ => ApiErrors.Validation(result.Message),
            };
        }

        var author = Callers.Of(user);
        var outcome = await writer.WriteAsync(new StateWriteRequest(workspace.Name, result.State!, source, author, lockId,
            CreateWorkspace: false, Reason: result.Message), cancellationToken);
        return outcome switch
        {
            StateWriteOutcome.Written written => TypedResults.Ok(
                new StateEditResponse(workspace.Id, workspace.Name, written.Version.Serial, written.Version.Id, result.Message)),
            StateWriteOutcome.SerialConflict => ApiErrors.Create(409, ErrorCodes.PreconditionFailed,
                "The state changed while the edit was being made; nothing was written. Retry against the new version."),
            _ => Narrow(WriteResults.ToResult(workspace.Name, outcome)),
        };
    }

    private static Results<Ok<StateEditResponse>, LockInfoResult, ApiErrorResult> Narrow(
        Results<Ok<StateWriteResponse>, LockInfoResult, ApiErrorResult> result) => result.Result switch
        {
            LockInfoResult locked => locked,
            ApiErrorResult error => error,
            _ => throw new InvalidOperationException("An edit's write produced no new version."),
        };

    private static void Require(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, $"{field} is required."));
        }
        else if (value.Length > 1024)
        {
            errors.Add(new FieldError(field, $"{field} must be at most 1024 characters."));
        }
    }
}
