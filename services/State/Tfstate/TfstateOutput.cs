using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>A root module output: its value, its type in Terraform's JSON type syntax, and whether it is sensitive.</summary>
internal sealed record TfstateOutput(string Name, JsonElement Value, JsonElement Type, bool Sensitive);
