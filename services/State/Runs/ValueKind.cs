namespace IacPlatform.State.Runs;

/// <summary>What a configuration setting accepts.</summary>
public enum ValueKind
{
    Text,
    Number,
    Bool,
    StringList,

    /// <summary>Any scalar or array of scalars (free-form settings such as terraform_data's input).</summary>
    Any,
}
