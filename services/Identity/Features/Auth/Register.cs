using System.Text.RegularExpressions;
using IacPlatform.Contracts.Identity;
using IacPlatform.Contracts.Security;
using IacPlatform.Identity.Data;
using IacPlatform.Identity.Domain;
using IacPlatform.ServiceDefaults.Errors;
using IacPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IacPlatform.Identity.Features.Auth;

/// <summary>
/// Self-registration. Fields other than these (is_admin, role, roles...) are not bound, so they cannot
/// grant anything: new users are viewers.
/// </summary>
public sealed record RegisterRequest(string? Username, string? Email, string? Password, string? FirstName, string? LastName);

internal static partial class Register
{
    public const int MaxPasswordLength = 128;

    public static async Task<Results<Created<UserResponse>, ApiErrorResult>> Handle(
        RegisterRequest request,
        UserManager<PlatformUser> users,
        IdentityDb db,
        IOptions<IdentityServiceOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSelfRegistration)
        {
            return ApiErrors.Forbidden("Self-registration is disabled; ask an administrator for an account.");
        }

        var errors = Validate(request);
        var now = time.GetUtcNow();
        var user = PlatformUser.Create(
            request.Username ?? "", request.Email ?? "", request.FirstName?.Trim() ?? "", request.LastName?.Trim() ?? "",
            Roles.Viewer, now);
        if (!errors.Any(e => e.Field == "password"))
        {
            // Every problem in one answer: the password policy is checked even when other fields failed.
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, request.Password!);
                errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Description)));
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation("The request is invalid.", errors);
        }

        if (await users.FindByNameAsync(user.UserName!) is not null)
        {
            return ApiErrors.AlreadyExists("A user with this username already exists.");
        }

        if (await users.FindByEmailAsync(user.Email!) is not null)
        {
            return ApiErrors.AlreadyExists("A user with this email already exists.");
        }

        // Staged first: UserManager's own SaveChanges stores the user and the event in one transaction.
        db.StageEvent(new UserRegistered(Guid.CreateVersion7(now), now, user.Id, user.UserName!, user.Email!, user.Role));
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiErrors.AlreadyExists("A user with this username or email already exists.");
        }

        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
                ? ApiErrors.AlreadyExists("A user with this username or email already exists.")
                : ApiErrors.Validation("The request is invalid.", [.. created.Errors.Select(ToFieldError)]);
        }

        return TypedResults.Created($"/api/v1/users/{user.Id}", user.ToResponse());
    }

    internal static List<FieldError> Validate(RegisterRequest request)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors.Add(new FieldError("username", "username is required."));
        }
        else if (!UsernamePattern().IsMatch(request.Username))
        {
            errors.Add(new FieldError("username", "username must be 3-64 characters of letters, digits, '.', '_' or '-'."));
        }

        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add(new FieldError("email", "email is required."));
        }
        else if (request.Email.Length > 254 || !EmailPattern().IsMatch(request.Email))
        {
            errors.Add(new FieldError("email", "email must be a valid address of at most 254 characters."));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(new FieldError("password", "password is required."));
        }
        else if (request.Password.Length > MaxPasswordLength)
        {
            errors.Add(new FieldError("password", $"password must be at most {MaxPasswordLength} characters."));
        }

        if (request.FirstName?.Length > 100)
        {
            errors.Add(new FieldError("first_name", "first_name must be at most 100 characters."));
        }

        if (request.LastName?.Length > 100)
        {
            errors.Add(new FieldError("last_name", "last_name must be at most 100 characters."));
        }

        return errors;
    }

    private static FieldError ToFieldError(IdentityError error) => error.Code switch
    {
        var code when code.Contains("UserName", StringComparison.Ordinal) => new FieldError("username", error.Description),
        var code when code.Contains("Email", StringComparison.Ordinal) => new FieldError("email", error.Description),
        _ => new FieldError("password", error.Description),
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
