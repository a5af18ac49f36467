namespace IacPlatform.Contracts.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Viewer];

    /// <summary>admin (3) &gt; operator (2) &gt; viewer (1); unknown roles rank 0.</summary>
    public static int Rank(string? role) => role switch
    {
        Admin => 3,
        Operator => 2,
        Viewer => 1,
        _ => 0,
    };
}
