using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>A root output added, removed or changed; values of outputs sensitive on either side read "(sensitive value)".</summary>
internal sealed record OutputChange(string Name, ChangeKind Kind, JsonElement? Before, JsonElement? After, bool Sensitive);
