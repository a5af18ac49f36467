using IacPlatform.AppHost.Publishing;

namespace IacPlatform.AppHost.Commands;

internal static class PublishCommand
{
    public static int Execute(CommandArgs args)
    {
        var options = new PublishOptions
        {
            // Relative to the repository root: `dotnet run --project AppHost` runs in the project's folder.
            OutputDirectory = Path.GetFullPath(
                args.Get("--output") ?? Path.Combine("deploy", "k8s"), Orchestration.ProjectLocator.FindRepositoryRoot()),
            ImagePrefix = args.Get("--image-prefix") ?? "iacplatform",
            ImageTag = args.Get("--image-tag") ?? "latest",
            IngressHost = args.Get("--host") ?? "iacplatform.local",
        };
        var files = KubernetesPublisher.Publish(Fleet.Create(), options);
        Console.WriteLine($"apphost: wrote {files.Count} files to {options.OutputDirectory}");
        return 0;
    }
}
