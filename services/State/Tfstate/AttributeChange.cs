using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// One leaf that differs between two versions of an instance. <see cref="Before"/> or <see cref="After"/> is null
/// when the path is absent on that side (a JSON null is a <see cref="JsonElement"/> of kind Null). Sensitive values
/// are replaced by the string "(sensitive value)".
/// </summary>
internal sealed record AttributeChange(string Path, JsonElement? Before, JsonElement? After, bool Sensitive);
