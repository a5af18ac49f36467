namespace IacPlatform.Drift.Engine;

/// <summary>What a <see cref="DriftContext.CheckType"/> makes the engine do.</summary>
/// <param name="Attributes">Compare the attributes of matched resources.</param>
/// <param name="Resources">Report missing and unmanaged resources.</param>
/// <param name="SecurityOnly">Keep only differences rated by a security rule (network exposure, encryption, IAM).</param>
internal readonly record struct CheckScope(bool Attributes, bool Resources, bool SecurityOnly)
{
    public static CheckScope For(string checkType) => checkType switch
    {
        CheckTypes.All => new(Attributes: true, Resources: true, SecurityOnly: false),
        CheckTypes.Config => new(Attributes: true, Resources: false, SecurityOnly: false),
        CheckTypes.Resource => new(Attributes: false, Resources: true, SecurityOnly: false),
        CheckTypes.Security => new(Attributes: true, Resources: false, SecurityOnly: true),
        _ => throw new ArgumentException(
            $"Unknown check type '{checkType}': expected one of {string.Join(", ", CheckTypes.Known)}.", nameof(checkType)),
    };
}
