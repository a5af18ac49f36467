using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IacPlatform.Inventory.Providers.Gcp;

/// <summary>
/// Validates a service account key file (the JSON <c>gcloud iam service-accounts keys create</c> writes) at the
/// boundary and turns it into <see cref="GcpCredentials"/>. Only client_email, private_key and private_key_id are
/// kept: the file's token_uri and auth_uri are ignored, so a key cannot point token requests at another host.
/// </summary>
public static partial class GcpServiceAccountKey
{
    public const string DocumentField = "service_account_json";
    public const string ProjectField = "project_id";

    private const int MinimumKeySize = 2048;

    public static bool TryParse(
        string? json, string? projectId,
        [NotNullWhen(true)] out GcpCredentials? credentials, out IReadOnlyList<GcpKeyError> errors)
    {
        var problems = new List<GcpKeyError>();
        credentials = null;
        if (string.IsNullOrWhiteSpace(projectId) || !ProjectId().IsMatch(projectId))
        {
            problems.Add(new(ProjectField, "must be a GCP project id: 6-30 lowercase letters, digits or hyphens, starting with a letter."));
        }

        var key = ParseObject(json, problems);
        string? email = null, pem = null, keyId = null;
        if (key is not null)
        {
            if (Text(key, "type") != "service_account")
            {
                problems.Add(new("type", "must be \"service_account\"."));
            }

            email = Text(key, "client_email");
            if (email is null || !ServiceAccountEmail().IsMatch(email))
            {
                problems.Add(new("client_email", email is null ? "is required." : "must be a service account email address."));
            }

            keyId = Text(key, "private_key_id");
            if (keyId is null || !KeyId().IsMatch(keyId))
            {
                problems.Add(new("private_key_id", keyId is null ? "is required." : "must be the key's id (letters and digits)."));
            }

            pem = Text(key, "private_key");
            if (pem is null)
            {
                problems.Add(new("private_key", "is required."));
            }
            else if (RsaKeyProblem(pem) is { } problem)
            {
                problems.Add(new("private_key", problem));
            }
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        credentials = new GcpCredentials(email!, pem!, keyId!, projectId!);
        return true;
    }

    private static JsonObject? ParseObject(string? json, List<GcpKeyError> problems)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new(DocumentField, "is required."));
            return null;
        }

        try
        {
            if (JsonNode.Parse(json) is JsonObject key)
            {
                return key;
            }
        }
        catch (JsonException)
        {
            problems.Add(new(DocumentField, "is not valid JSON."));
            return null;
        }

        problems.Add(new(DocumentField, "must be a JSON object (a service account key file)."));
        return null;
    }

    /// <summary>Null when <paramref name="pem"/> is an unencrypted RSA private key of at least 2048 bits.</summary>
    private static string? RsaKeyProblem(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not ("PRIVATE KEY" or "RSA PRIVATE KEY"))
        {
            return "must be a PEM-encoded, unencrypted RSA private key (-----BEGIN PRIVATE KEY-----).";
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.KeySize < MinimumKeySize ? $"must be an RSA key of at least {MinimumKeySize} bits." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return "is not a readable RSA private key.";
        }
    }

    private static string? Text(JsonObject key, string name) =>
        key.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var text) &&
        !string.IsNullOrWhiteSpace(text) ? text : null;

    [GeneratedRegex("^(?:[a-z0-9][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectId();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceAccountEmail();

    [GeneratedRegex("^[A-Za-z0-9]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyId();
}
