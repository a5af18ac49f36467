using System.Text.Json;
using IacPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IacPlatform.Identity.Tokens;

/// <summary>
/// Turns the platform's login/refresh bodies (JSON <c>{username|email, password}</c> or
/// <c>{refresh_token}</c>, or seed 001's form <c>username=...&amp;password=...</c>) into the OAuth token
/// request OpenIddict expects, for the first-party client. Runs before authentication, where OpenIddict
/// reads the request.
/// </summary>
internal sealed class PlatformTokenRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsPost(context.Request.Method) || !PlatformTokenPaths.IsPlatform(path))
        {
            await next(context);
            return;
        }

        var fields = await ReadFieldsAsync(context);
        if (fields is null)
        {
            return;
        }

        var isLogin = PlatformTokenPaths.IsLogin(path);
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            [Parameters.ClientId] = TokenClients.Cli,
            [Parameters.GrantType] = isLogin ? GrantTypes.Password : GrantTypes.RefreshToken,
        };
        var errors = new List<FieldError>();
        if (isLogin)
        {
            var login = Field(fields, "username") ?? Field(fields, "email");
            Require(errors, "username", login, "username (or email) is required.");
            Require(errors, "password", Field(fields, "password"), "password is required.");
            form[Parameters.Username] = login;
            form[Parameters.Password] = Field(fields, "password");
        }
        else
        {
            Require(errors, "refresh_token", Field(fields, "refresh_token"), "refresh_token is required.");
            form[Parameters.RefreshToken] = Field(fields, "refresh_token");
        }

        if (errors.Count > 0)
        {
            await ApiErrorWriter.WriteAsync(context, 400, ErrorCodes.ValidationError, "The request is invalid.", errors);
            return;
        }

        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form)));
        await next(context);
    }

    private static async Task<Dictionary<string, string?>?> ReadFieldsAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            return form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        }

        if (!request.HasJsonContentType())
        {
            await ApiErrorWriter.WriteAsync(context, 415, ErrorCodes.UnsupportedMediaType,
                "Send application/json or application/x-www-form-urlencoded.");
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                await ApiErrorWriter.WriteAsync(context, 400, ErrorCodes.ValidationError, "The body must be a JSON object.");
                return null;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }

            return fields;
        }
        catch (JsonException)
        {
            await ApiErrorWriter.WriteAsync(context, 400, ErrorCodes.ValidationError, "The body is not valid JSON.");
            return null;
        }
    }

    private static string? Field(Dictionary<string, string?> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void Require(List<FieldError> errors, string field, string? value, string message)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, message));
        }
    }
}
