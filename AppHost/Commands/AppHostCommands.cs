namespace IacPlatform.AppHost.Commands;

internal static class AppHostCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = verb == "run" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        try
        {
            return verb switch
            {
                "run" => await RunCommand.ExecuteAsync(new CommandArgs(rest)),
                "publish" => PublishCommand.Execute(new CommandArgs(rest)),
                "infra" when rest.Length > 0 && rest[0] == "start" => await InfraCommand.StartAsync(new CommandArgs(rest[1..])),
                "infra" when rest.Length > 0 && rest[0] == "stop" => await InfraCommand.StopAsync(new CommandArgs(rest[1..])),
                _ => Usage(),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or TimeoutException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"apphost: {ex.Message}");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: IacPlatform.AppHost [run] [--no-build] [--configuration Debug|Release]
                   IacPlatform.AppHost publish [--output deploy/k8s] [--image-prefix iacplatform] [--image-tag latest] [--host iacplatform.local]
                   IacPlatform.AppHost infra start --dir DIR     (prints export IACP_TEST_*=...; runs until Ctrl+C or infra stop)
                   IacPlatform.AppHost infra stop --dir DIR
            """);
        return 2;
    }
}
