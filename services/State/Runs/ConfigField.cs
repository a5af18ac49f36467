namespace IacPlatform.State.Runs;

/// <summary>
/// One setting of a resource type: the configuration key, what it accepts, and where it goes in main.tf.
/// A target is an attribute path (<c>boot_disk.initialize_params.image</c> nests blocks); <c>provider.x</c>
/// sets the provider block's attribute. No target: accepted for the record, not rendered.
/// </summary>
public sealed record ConfigField(string Key, ValueKind Kind, bool Required, IReadOnlyList<string> Targets)
{
    public static ConfigField Optional(string key, ValueKind kind, params string[] targets) => new(key, kind, false, targets);

    public static ConfigField Needed(string key, ValueKind kind, params string[] targets) => new(key, kind, true, targets);
}
