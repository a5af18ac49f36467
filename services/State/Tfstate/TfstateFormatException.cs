namespace IacPlatform.State.Tfstate;

/// <summary>
/// The bytes are not a Terraform state this service accepts. <see cref="Exception.Message"/> is written for the person
/// who uploaded the state and names the offending field; <see cref="Path"/> is that field as a JSON path.
/// </summary>
internal sealed class TfstateFormatException : Exception
{
    public TfstateFormatException()
    {
    }

    public TfstateFormatException(string message)
        : base(message)
    {
    }

    public TfstateFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TfstateFormatException(string? path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>Where the problem is, like <c>resources[2].instances[0].index_key</c>; null when it is the whole document.</summary>
    public string? Path { get; }
}
