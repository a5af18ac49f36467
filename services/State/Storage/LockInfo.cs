using System.Text.Json;

namespace IacPlatform.State.Storage;

/// <summary>
/// Terraform's LockInfo (statemgr.LockInfo: ID, Operation, Info, Who, Version, Created, Path, PascalCase keys).
/// The raw JSON is kept and returned verbatim, since the CLI shows the holder from it.
/// </summary>
public sealed record LockInfo(string Id, string? Operation, string? Who, string Raw)
{
    public const int MaxBytes = 16 * 1024;
    public const int MaxIdLength = 200;

    public static bool TryParse(ReadOnlySpan<byte> body, out LockInfo? info, out string error)
    {
        info = null;
        error = "";
        if (body.Length > MaxBytes)
        {
            error = $"LockInfo must be at most {MaxBytes} bytes.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "LockInfo must be a JSON object.";
                return false;
            }

            if (!root.TryGetProperty("ID", out var id) || id.ValueKind != JsonValueKind.String
                || id.GetString() is not { Length: > 0 and <= MaxIdLength } lockId)
            {
                error = $"LockInfo.ID must be a non-empty string of at most {MaxIdLength} characters.";
                return false;
            }

            info = new LockInfo(lockId, OptionalString(root, "Operation"), OptionalString(root, "Who"), root.GetRawText());
            return true;
        }
        catch (JsonException ex)
        {
            error = "LockInfo is not valid JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>A LockInfo for locks taken through the API (seed 000's POST /api/v1/state/lock).</summary>
    public static LockInfo ForApi(string who, string? reason, string path, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now).ToString();
        var raw = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ID"] = id,
            ["Operation"] = "OperationTypeApi",
            ["Info"] = reason ?? "",
            ["Who"] = who,
            ["Version"] = "",
            ["Created"] = now.UtcDateTime.ToString("O"),
            ["Path"] = path,
        });
        return new LockInfo(id, "OperationTypeApi", who, raw);
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
