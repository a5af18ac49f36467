namespace IacPlatform.State.Logs;

/// <summary>
/// The uploaded log is not something the Terraform or Ansible log parser understands. <see cref="Exception.Message"/>
/// is written for the person who uploaded it and says what was expected; the web layer returns it as a
/// VALIDATION_ERROR.
/// </summary>
internal sealed class LogParseException : Exception
{
    public LogParseException()
    {
    }

    public LogParseException(string message)
        : base(message)
    {
    }

    public LogParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
