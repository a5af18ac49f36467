namespace IacPlatform.ServiceDefaults.Http;

/// <summary>
/// The outbound guard refused a request or a connection. An <see cref="HttpRequestException"/>, so callers that
/// handle network failures handle this too; <see cref="Exception.Message"/> is safe to show to the user.
/// </summary>
public sealed class OutboundRequestRefusedException : HttpRequestException
{
    public OutboundRequestRefusedException()
    {
    }

    public OutboundRequestRefusedException(string message)
        : base(message)
    {
    }

    public OutboundRequestRefusedException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
