using System.Text.Json;

namespace IacPlatform.State.Tfstate;

/// <summary>One object of a resource instance: the current object, or a deposed one (<see cref="Deposed"/> set).</summary>
internal sealed class TfstateInstance
{
    /// <summary>The full instance address, key included.</summary>
    public required ResourceAddress Address { get; init; }

    public InstanceKey Key => Address.Key;

    public long SchemaVersion { get; init; }

    /// <summary>The <c>attributes</c> object; null when the instance only has the legacy <see cref="AttributesFlat"/>.</summary>
    public JsonElement? Attributes { get; init; }

    /// <summary>The legacy flat map (<c>triggers.%</c> = <c>1</c>) of states upgraded from Terraform 0.11.</summary>
    public IReadOnlyDictionary<string, string>? AttributesFlat { get; init; }

    /// <summary>Sensitive attribute paths in the same syntax as <see cref="FlattenAttributes"/> keys (<c>password</c>, <c>tags.Secret</c>).</summary>
    public IReadOnlyList<string> SensitivePaths { get; init; } = [];

    /// <summary>The provider's private data, base64 as stored.</summary>
    public string? Private { get; init; }

    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>The older <c>depends_on</c> key written by Terraform 0.12 beside or instead of <c>dependencies</c>.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public bool CreateBeforeDestroy { get; init; }

    /// <summary>Null for a ready object, <c>tainted</c> for a tainted one.</summary>
    public string? Status { get; init; }

    public bool IsTainted => Status == "tainted";

    /// <summary>The deposed key (eight hex digits) of an object replaced under create_before_destroy; null for the current object.</summary>
    public string? Deposed { get; init; }

    public bool IsDeposed => Deposed is not null;

    /// <summary>The cloud identifier: <c>attributes.id</c>, or <c>attributes_flat["id"]</c> in legacy states.</summary>
    public string? CloudId
    {
        get
        {
            if (Attributes is { ValueKind: JsonValueKind.Object } attributes && attributes.TryGetProperty("id", out var id))
            {
                return id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                };
            }

            return AttributesFlat is not null && AttributesFlat.TryGetValue("id", out var flatId) ? flatId : null;
        }
    }

    /// <summary>The attributes as <c>path → leaf value</c> (<c>tags.Environment</c>, <c>ingress[0].cidr_blocks[1]</c>), for diffing.</summary>
    public IReadOnlyDictionary<string, JsonElement> FlattenAttributes() =>
        Attributes is { } attributes ? AttributePaths.Flatten(attributes)
        : AttributesFlat is not null ? AttributePaths.FromLegacyFlat(AttributesFlat)
        : new Dictionary<string, JsonElement>();
}
