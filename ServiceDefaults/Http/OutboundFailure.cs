using System.Net.Sockets;
using System.Security.Authentication;
using Polly.RateLimiting;
using Polly.Timeout;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>
/// Why an outbound request failed, as a short phrase safe to show to a user ("name resolution failed",
/// "connection refused", "no answer within 5s"): no stack, no internal addresses beyond what the user supplied.
/// </summary>
public sealed record OutboundFailure(OutboundFailureKind Kind, string Description)
{
    public static OutboundFailure Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OutboundRequestRefusedException refused:
                    return new(OutboundFailureKind.Refused, refused.Message);
                case TimeoutRejectedException timeout:
                    return new(OutboundFailureKind.Timeout, $"no answer within {Seconds(timeout.Timeout)}");
                case TimeoutException:
                    return new(OutboundFailureKind.Timeout, "no answer in time");
                case RateLimiterRejectedException:
                    return new(OutboundFailureKind.Other, "too many outbound requests are in flight; try again shortly");
                case SocketException socket:
                    return FromSocket(socket);
                case AuthenticationException tls:
                    return new(OutboundFailureKind.Tls, $"the TLS handshake failed ({tls.Message.TrimEnd('.')})");
            }
        }

        return exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
                new(OutboundFailureKind.NameResolution, "name resolution failed"),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } =>
                new(OutboundFailureKind.Connection, "the connection failed"),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                new(OutboundFailureKind.Tls, "the TLS handshake failed"),
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse } =>
                new(OutboundFailureKind.Protocol, "the server sent no valid HTTP response"),
            OperationCanceledException => new(OutboundFailureKind.Timeout, "no answer in time"),
            _ => new(OutboundFailureKind.Other, "the request failed"),
        };
    }

    private static OutboundFailure FromSocket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData or SocketError.NoRecovery =>
            new(OutboundFailureKind.NameResolution, "name resolution failed"),
        SocketError.ConnectionRefused => new(OutboundFailureKind.Connection, "connection refused"),
        SocketError.TimedOut => new(OutboundFailureKind.Timeout, "the connection timed out"),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => new(OutboundFailureKind.Connection, "no route to the host"),
        SocketError.ConnectionReset or SocketError.ConnectionAborted => new(OutboundFailureKind.Connection, "the connection was reset"),
        _ => new(OutboundFailureKind.Connection, $"the connection failed ({socket.SocketErrorCode})"),
    };

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.#}s" : $"{timeout.TotalMilliseconds:0}ms";
}
