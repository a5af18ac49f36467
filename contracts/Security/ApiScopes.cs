namespace IacPlatform.Contracts.Security;

/// <summary>The API areas and their scopes (<c>&lt;area&gt;.read</c>, <c>&lt;area&gt;.write</c>).</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyList<string> Areas =
        ["identity", "users", "state", "inventory", "drift", "cost", "healing", "chaos", "zerotrust"];

    public static IReadOnlyList<string> All { get; } =
        [.. Areas.SelectMany(area => new[] { Read(area), Write(area) })];

    public static string Read(string area) => area + ".read";

    public static string Write(string area) => area + ".write";

    /// <summary>The scopes a role grants: admin all, operator all but users.write, viewer every read.</summary>
    public static IReadOnlyList<string> ForRole(string role) => role switch
    {
        Roles.Admin => All,
        Roles.Operator => [.. All.Where(scope => scope != Write("users"))],
        Roles.Viewer => [.. Areas.Select(Read)],
        _ => [],
    };
}
