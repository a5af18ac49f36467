namespace IacPlatform.AppHost.Infrastructure;

internal static class OwnedDirectory
{
    /// <summary>Creates <paramref name="path"/> and hands it (recursively) to a system user such as postgres or rabbitmq.</summary>
    public static async Task PrepareAsync(string path, string user, CancellationToken ct)
    {
        Directory.CreateDirectory(path);
        UnixFiles.SetMode(path, UnixFiles.OwnerAll);
        if (Environment.UserName == user)
        {
            return;
        }

        _ = await CommandLine.RunCheckedAsync("chown", ["-R", $"{user}:{user}", path], ct);
    }

    /// <summary>Arguments that run a command as <paramref name="user"/> (runuser when we are root).</summary>
    public static (string FileName, List<string> Arguments) AsUser(string user, string fileName, IEnumerable<string> arguments)
    {
        if (Environment.UserName == user)
        {
            return (fileName, arguments.ToList());
        }

        var list = new List<string> { "-u", user, "--", fileName };
        list.AddRange(arguments);
        return ("runuser", list);
    }
}
