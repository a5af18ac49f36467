using System.Buffers.Text;
using System.Text;

namespace IacPlatform.State.Features.StateFiles;

/// <summary>
/// Ids of the seed-000 state API. A state file is a workspace (its id); a resource in it is addressed by an
/// opaque id that encodes the workspace and the instance address (base64url), so
/// <c>DELETE /api/v1/state/resources/{id}</c> needs no index of resources kept beside the state.
/// </summary>
internal static class StateFileIds
{
    /// <summary>The built-in backend: this service's own http backend.</summary>
    public static readonly Guid PlatformBackendId = Domain.Backends.BuiltInBackend.Id;

    public static string ResourceId(Guid workspaceId, string address) =>
        Base64Url.EncodeToString([.. workspaceId.ToByteArray(), .. Encoding.UTF8.GetBytes(address)]);

    public static bool TryParseResourceId(string id, out Guid workspaceId, out string address)
    {
        workspaceId = Guid.Empty;
        address = "";
        if (id.Length is < 23 or > 2048)
        {
            return false;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(id);
            if (bytes.Length <= 16)
            {
                return false;
            }

            workspaceId = new Guid(bytes.AsSpan(0, 16));
            address = Encoding.UTF8.GetString(bytes.AsSpan(16));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
