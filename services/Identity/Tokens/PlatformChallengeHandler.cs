using Microsoft.AspNetCore;
using IacPlatform.ServiceDefaults.Errors;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// Answers OpenIddict validation's 401/403 challenges in the platform error format, telling an expired
/// access token (TOKEN_EXPIRED) from a missing or invalid one (AUTHENTICATION_REQUIRED).
/// </summary>
internal sealed class PlatformChallengeHandler : IOpenIddictValidationHandler<ProcessChallengeContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessChallengeContext>()
            .UseSingletonHandler<PlatformChallengeHandler>()
            .SetOrder(OpenIddictValidationAspNetCoreHandlers.ProcessChallengeErrorResponse<ProcessChallengeContext>.Descriptor.Order - 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        if (http is null)
        {
            return;
        }

        var error = context.Response.Error;
        var description = context.Response.ErrorDescription;
        var (status, code, message) = error switch
        {
            Errors.InsufficientAccess or Errors.InsufficientScope =>
                (403, ErrorCodes.InsufficientPermissions, ErrorCodes.MessageForStatus(403)),
            Errors.InvalidToken when description?.Contains("no longer valid", StringComparison.Ordinal) == true =>
                (401, ErrorCodes.TokenExpired, "The access token has expired."),
            Errors.InvalidToken => (401, ErrorCodes.AuthenticationRequired, "The access token is invalid."),
            _ => (401, ErrorCodes.AuthenticationRequired, "Authentication is required."),
        };
        await ApiErrorWriter.WriteAsync(http, status, code, message);
        context.HandleRequest();
    }
}
