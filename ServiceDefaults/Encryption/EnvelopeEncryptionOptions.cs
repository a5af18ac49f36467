namespace IacPlatform.ServiceDefaults.Encryption;

/// <summary>
/// A service's <c>&lt;Service&gt;:Encryption</c> section: key-encryption keys by id (base64 of 32 random bytes) and
/// the id new ciphertexts use. Keep retired keys listed until everything has been re-wrapped off them.
/// </summary>
public sealed class EnvelopeEncryptionOptions
{
    /// <summary>The configuration section these options came from, for the messages.</summary>
    public string Section { get; set; } = "Encryption";

    public string ActiveKeyId { get; set; } = "";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The validation messages; empty when the keys are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ActiveKeyId))
        {
            problems.Add($"{Section}:ActiveKeyId is not set.");
        }
        else if (!Keys.ContainsKey(ActiveKeyId))
        {
            problems.Add($"{Section}:Keys has no key '{ActiveKeyId}' (the active key).");
        }

        Span<byte> buffer = stackalloc byte[48];
        foreach (var (id, value) in Keys)
        {
            if (id.Length is 0 or > 64)
            {
                problems.Add($"{Section}:Keys ids must be 1 to 64 characters.");
            }

            if (string.IsNullOrEmpty(value) || !Convert.TryFromBase64String(value, buffer, out var written) || written != 32)
            {
                problems.Add($"{Section}:Keys:{id} must be the base64 of exactly 32 bytes.");
            }
        }

        return problems;
    }
}
