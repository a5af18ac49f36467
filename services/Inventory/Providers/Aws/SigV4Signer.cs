using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IacPlatform.Inventory.Providers.Aws;

/// <summary>
/// AWS Signature Version 4 for the REST calls the SDK does not cover (EKS). AWSSDK.Core's signer lives in an
/// <c>Internal</c> namespace and works on the SDK's own request type, so this small one signs an
/// <see cref="HttpRequestMessage"/> instead. Path segments are encoded once more, as every service but S3 expects;
/// signed headers are host, x-amz-date, the session token and the content type.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Sets Host, X-Amz-Date, X-Amz-Security-Token and Authorization on <paramref name="request"/>.</summary>
    public static void Sign(
        HttpRequestMessage request, ReadOnlySpan<byte> body, AwsCredentials credentials, string region, string service,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];

        request.Headers.Host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.Remove("X-Amz-Security-Token");
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        var (canonicalRequest, signedHeaders) = CanonicalRequest(request, body);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        request.Headers.Authorization = new AuthenticationHeaderValue(
            Algorithm, $"Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>The canonical request (step 1 of SigV4) and its signed-header list; exposed for the test vectors.</summary>
    internal static (string CanonicalRequest, string SignedHeaders) CanonicalRequest(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        var uri = request.RequestUri!;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host ?? uri.Authority,
        };
        foreach (var name in new[] { "X-Amz-Date", "X-Amz-Security-Token" })
        {
            if (request.Headers.TryGetValues(name, out var values))
            {
                headers[name.ToLowerInvariant()] = string.Join(',', values.Select(Trim));
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = Trim(contentType.ToString());
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var builder = new StringBuilder()
            .Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(uri.AbsolutePath)).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
        return (builder.ToString(), signedHeaders);
    }

    /// <summary>RFC 3986 encoding: everything but the unreserved characters, upper-case hex.</summary>
    internal static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    // The path as sent is already percent-encoded; encoding each segment again gives the double encoding non-S3
    // services sign (an encoded ARN "arn%3Aaws" is signed as "arn%253Aaws").
    private static string CanonicalPath(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Encode));

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Name}={pair.Value}"));
    }

    private static string Trim(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
