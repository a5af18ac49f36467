namespace IacPlatform.AppHost.Publishing;

internal sealed class PublishOptions
{
    public required string OutputDirectory { get; init; }

    /// <summary>Images are <c>&lt;prefix&gt;/&lt;project&gt;:&lt;tag&gt;</c>.</summary>
    public string ImagePrefix { get; init; } = "iacplatform";

    public string ImageTag { get; init; } = "latest";

    public string IngressHost { get; init; } = "iacplatform.local";

    public string Namespace { get; init; } = "iacplatform";

    public const int ContainerPort = 8080;

    public const string Placeholder = "CHANGE_ME";
}
