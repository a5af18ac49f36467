using System.Text.Json.Nodes;
using IacPlatform.Contracts.State;
using IacPlatform.Inventory.Data;
using IacPlatform.Inventory.Domain;
using IacPlatform.Inventory.Sandbox;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IacPlatform.Inventory.Features.Sandbox;

/// <summary>Seed from a State workspace (current version, or <c>serial</c>) or from a tfstate given inline as <c>state</c>.</summary>
public sealed record SeedSandboxRequest(string? Workspace, long? Serial, JsonNode? State);

public sealed record SeedSandboxResponse(Guid AccountId, string Source, SeedResult Result);

internal static class SeedSandbox
{
    public static async Task<Results<Ok<SeedSandboxResponse>, ApiErrorResult>> Handle(
        Guid accountId, SeedSandboxRequest request, HttpRequest http, InventoryDb db, IStateContentApi state,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId && a.DeletedAt == null, cancellationToken);
        if (account is null)
        {
            return ApiErrors.NotFound($"Cloud account {accountId} does not exist.");
        }

        if (account.Provider != ProviderKinds.Sandbox)
        {
            return ApiErrors.Validation("account_id", "Only sandbox accounts can be seeded.");
        }

        if ((request.Workspace is null) == (request.State is null))
        {
            return ApiErrors.Validation("workspace", "Give either workspace (and optionally serial) or state.");
        }

        JsonNode? document;
        string source;
        if (request.Workspace is { } workspace)
        {
            if (workspace.Length is 0 or > 90 || !workspace.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return ApiErrors.Validation("workspace", "workspace must be a workspace name (letters, digits, '-', '_', '.').");
            }

            if (request.Serial is < 0)
            {
                return ApiErrors.Validation("serial", "serial must not be negative.");
            }

            var (content, error) = await FetchAsync(state, workspace, request.Serial, http.Headers.Authorization.ToString(), cancellationToken);
            if (error is not null)
            {
                return error;
            }

            document = content;
            source = request.Serial is { } serial ? $"workspace {workspace} serial {serial}" : $"workspace {workspace} (current)";
        }
        else
        {
            document = request.State;
            source = "inline state";
        }

        var (resources, problem) = TfstateResources.Read(document, account.Region ?? "sandbox-1");
        if (problem is not null)
        {
            return ApiErrors.Validation("state", problem);
        }

        var result = await SandboxSeeder.SeedAsync(db, accountId, resources, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SeedSandboxResponse(accountId, source, result));
    }

    /// <summary>Reads the state from the State service with the caller's own token: seeding never reads more than they may.</summary>
    private static async Task<(JsonNode? Content, ApiErrorResult? Error)> FetchAsync(
        IStateContentApi state, string workspace, long? serial, string authorization, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = serial is { } number
                ? await state.GetVersionContentAsync(workspace, number, authorization, cancellationToken)
                : await state.GetCurrentStateAsync(workspace, authorization, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return (null, ApiErrors.ServiceUnavailable("The State service could not be reached; try again shortly."));
        }

        using (response)
        {
            switch ((int)response.StatusCode)
            {
                case 200:
                    await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
                    {
                        try
                        {
                            return (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken), null);
                        }
                        catch (System.Text.Json.JsonException)
                        {
                            return (null, ApiErrors.Validation("workspace", "The workspace's state is not valid JSON."));
                        }
                    }

                case 204:
                    return (null, ApiErrors.Validation("workspace", $"Workspace '{workspace}' has no state yet."));
                case 404:
                    return (null, ApiErrors.NotFound(serial is null
                        ? $"Workspace '{workspace}' does not exist."
                        : $"Workspace '{workspace}' has no version with serial {serial}."));
                case 401 or 403:
                    return (null, ApiErrors.Forbidden($"You may not read the state of workspace '{workspace}'."));
                default:
                    return (null, ApiErrors.ServiceUnavailable($"The State service answered {(int)response.StatusCode}."));
            }
        }
    }
}
