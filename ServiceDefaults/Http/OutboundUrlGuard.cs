using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Http;

/// <summary>
/// Decides whether a user-supplied URL may be called (absolute http/https, no credentials in it, an allowed port,
/// and a host whose every address is public unless <c>Outbound:AllowedHosts</c> opens it) and enforces the same rule
/// on every connection an outbound client opens, so a name that resolves to a public address when it is checked and
/// to an internal one when it is used (DNS rebinding) is still refused. Use it through
/// <see cref="OutboundHttpClientExtensions.AddOutboundHttpClient"/>.
/// </summary>
public sealed class OutboundUrlGuard
{
    public const int MaxUrlLength = 2048;

    private const string InternalRefused = "requests to internal addresses are not allowed.";

    private readonly IOutboundDnsResolver _dns;
    private readonly OutboundOptions _options;
    private readonly OutboundAllowList _allowList;

    public OutboundUrlGuard(IOptions<OutboundOptions> options, IOutboundDnsResolver dns)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _dns = dns;
        _allowList = OutboundAllowList.Parse(_options, out var problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    /// <summary>Everything that can be decided without DNS: shape, scheme, credentials, port, literal addresses.</summary>
    public OutboundUrlCheck CheckSyntax(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return OutboundUrlCheck.Invalid(null, "The URL is required.");
        }

        if (url.Length > MaxUrlLength)
        {
            return OutboundUrlCheck.Invalid(null, $"The URL must be at most {MaxUrlLength} characters.");
        }

        // "://" first: on Unix "/etc/passwd" is an absolute file: URI, and the user meant neither.
        return url.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            ? CheckSyntax(uri)
            : OutboundUrlCheck.Invalid(null, "The URL must be absolute, such as https://tfstate.example.com/state.");
    }

    /// <inheritdoc cref="CheckSyntax(string?)"/>
    public OutboundUrlCheck CheckSyntax(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return OutboundUrlCheck.Invalid(null, "The URL must be absolute, such as https://tfstate.example.com/state.");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return OutboundUrlCheck.Invalid(url, $"The URL scheme '{url.Scheme}' is not allowed; use http or https.");
        }

        if (url.UserInfo.Length > 0)
        {
            return OutboundUrlCheck.Invalid(url, "The URL must not contain credentials (user:password@); configure them separately.");
        }

        var host = url.IdnHost;
        if (host.Length == 0)
        {
            return OutboundUrlCheck.Invalid(url, "The URL has no host.");
        }

        if (!_allowList.AllowsPort(url.Port))
        {
            return OutboundUrlCheck.Invalid(url, PortRefused(url.Port));
        }

        if (OutboundAddressRules.TryParseHost(host, out var literal))
        {
            return Refusal(host, literal, isLiteral: true) is { } refused
                ? OutboundUrlCheck.Forbidden(url, refused, [literal])
                : OutboundUrlCheck.Allowed(url, [literal]);
        }

        return OutboundUrlCheck.Allowed(url, []);
    }

    /// <summary><see cref="CheckSyntax(string?)"/>, then resolves the host: refused when any of its addresses is internal.</summary>
    public async Task<OutboundUrlCheck> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        var syntax = CheckSyntax(url);
        return syntax.IsAllowed ? await ResolveAndCheckAsync(syntax.Url!, cancellationToken) : syntax;
    }

    /// <inheritdoc cref="CheckAsync(string?, CancellationToken)"/>
    public async Task<OutboundUrlCheck> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        var syntax = CheckSyntax(url);
        return syntax.IsAllowed ? await ResolveAndCheckAsync(syntax.Url!, cancellationToken) : syntax;
    }

    /// <summary>
    /// The primary handler of an outbound client: connects only to addresses it has just checked, follows no
    /// redirects (a 3xx is the caller's to judge), uses no proxy (a proxy would resolve the name itself, after the
    /// check) and no cookies.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = _options.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxResponseHeadersLength = 64,
        ConnectCallback = ConnectAsync,
    };

    internal async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        if (!_allowList.AllowsPort(endpoint.Port))
        {
            throw new OutboundRequestRefusedException(PortRefused(endpoint.Port));
        }

        var isLiteral = OutboundAddressRules.TryParseHost(endpoint.Host, out var literal);
        IPAddress[] addresses = isLiteral ? [literal] : await ResolveAsync(endpoint.Host, cancellationToken);
        var hostAllowed = !isLiteral && _allowList.AllowsHost(endpoint.Host);
        foreach (var address in addresses)
        {
            if (!hostAllowed && Refusal(endpoint.Host, address, isLiteral) is { } refused)
            {
                throw new OutboundRequestRefusedException(refused);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);

            // The peer actually reached, checked once more: the addresses above are the only ones tried, so this
            // holds by construction; it stays as the guard's last word should the connect path ever change.
            if (!hostAllowed && socket.RemoteEndPoint is IPEndPoint remote && Refusal(endpoint.Host, remote.Address, isLiteral) is { } refused)
            {
                throw new OutboundRequestRefusedException(refused);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<OutboundUrlCheck> ResolveAndCheckAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = url.IdnHost;
        if (OutboundAddressRules.TryParseHost(host, out _) || _allowList.AllowsHost(host))
        {
            return OutboundUrlCheck.Allowed(url, []);
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken);
        }
        catch (SocketException ex)
        {
            return OutboundUrlCheck.Unresolved(url, $"The host '{host}' could not be resolved ({OutboundFailure.Describe(ex).Description}).");
        }
        catch (ArgumentException)
        {
            return OutboundUrlCheck.Invalid(url, $"The host '{host}' is not a valid host name.");
        }

        foreach (var address in addresses)
        {
            if (Refusal(host, address, isLiteral: false) is { } refused)
            {
                return OutboundUrlCheck.Forbidden(url, refused, addresses);
            }
        }

        return OutboundUrlCheck.Allowed(url, addresses);
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await _dns.ResolveAsync(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>Null when <paramref name="address"/> may be reached; otherwise the message for the user.</summary>
    private string? Refusal(string host, IPAddress address, bool isLiteral)
    {
        if (_allowList.AllowsAddress(address) || OutboundAddressRules.Describe(address) is not { } reason)
        {
            return null;
        }

        return isLiteral
            ? $"The address {address} is {reason}; {InternalRefused}"
            : $"The host '{host}' resolves to {address}, {reason}; {InternalRefused}";
    }

    private string PortRefused(int port) => $"Port {port} is not allowed for outbound requests (allowed: {_allowList.PortsDescription}).";
}
