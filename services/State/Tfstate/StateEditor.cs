using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// Produces a new state from an old one, as <c>terraform import</c>, <c>terraform state rm</c> and
/// <c>terraform state mv</c> would: serial + 1, the same lineage, every field the edit does not touch kept as it was.
/// Refusals are results, not exceptions, so the caller maps them to 400/404/409 in one place.
/// </summary>
internal static partial class StateEditor
{
    /// <summary>Adds a managed resource instance whose <c>attributes.id</c> is <paramref name="cloudId"/>.</summary>
    /// <param name="module">The module instance to import into, like <c>module.net["eu"]</c>; null or empty for the root.</param>
    /// <param name="provider">
    /// A provider field (<c>provider["registry.terraform.io/hashicorp/aws"]</c>), a source (<c>hashicorp/aws</c>) or a
    /// name (<c>aws</c>); by default the hashicorp provider named by the type's prefix (<c>aws</c> for <c>aws_instance</c>).
    /// </param>
    /// <param name="indexKey">Null, an integer (count) or a string (for_each).</param>
    /// <param name="attributes">Further attributes to store beside the id; the provider fills the rest on the next refresh.</param>
    public static StateEditResult ImportResource(
        ReadOnlySpan<byte> state, string type, string name, string cloudId, string? module = null, string? provider = null,
        object? indexKey = null, JsonObject? attributes = null)
    {
        if (!AddressParser.IsIdentifier(type) || !AddressParser.IsIdentifier(name))
        {
            var (what, value) = AddressParser.IsIdentifier(type) ? ("name", name) : ("type", type);
            return StateEditResult.Fail(StateEditError.Invalid,
                $"\"{value}\" is not a valid resource {what}: use letters, digits, underscores and dashes, starting with a letter or underscore.");
        }

        if (string.IsNullOrWhiteSpace(cloudId))
        {
            return StateEditResult.Fail(StateEditError.Invalid, "The cloud id to import is empty.");
        }

        var moduleAddress = ModuleAddress.Root;
        if (!string.IsNullOrEmpty(module) && !ModuleAddress.TryParse(module, out moduleAddress, out var moduleError))
        {
            return StateEditResult.Fail(StateEditError.Invalid, moduleError);
        }

        if (!InstanceKey.TryFrom(indexKey, out var key))
        {
            return StateEditResult.Fail(StateEditError.Invalid, $"An instance key must be an integer or a string, not {indexKey!.GetType().Name}.");
        }

        if (ProviderField(type, provider) is not { } providerField)
        {
            return StateEditResult.Fail(StateEditError.Invalid, $"\"{provider}\" is not a provider name, source or provider address.");
        }

        var address = new ResourceAddress(moduleAddress, ResourceMode.Managed, type, name, key);
        var instance = new JsonObject { ["schema_version"] = 0, ["attributes"] = Attributes(attributes, cloudId), ["sensitive_attributes"] = new JsonArray() };
        ResourceNode.SetKey(instance, key);
        return Edit(state, document => Import(document, address, providerField, instance, cloudId));
    }

    /// <summary>
    /// Removes a resource (all its instances), one instance (<c>aws_instance.web[0]</c>) or everything under a module
    /// (<c>module.net</c>, which also matches every instance of a module with count or for_each).
    /// </summary>
    public static StateEditResult RemoveAddress(ReadOnlySpan<byte> state, string address)
    {
        if (!TryParseTarget(address, out var module, out var resource, out var error))
        {
            return StateEditResult.Fail(StateEditError.Invalid, error);
        }

        return Edit(state, document => module is not null ? RemoveModule(document, module) : RemoveResource(document, resource!));
    }

    private static (StateEditError?, string) Import(
        EditableState document, ResourceAddress address, string provider, JsonObject instance, string cloudId)
    {
        if (document.Find(address) is not { } resource)
        {
            var node = new JsonObject();
            if (!address.Module.IsRoot)
            {
                node["module"] = address.Module.ToString();
            }

            node["mode"] = "managed";
            node["type"] = address.Type;
            node["name"] = address.Name;
            node["provider"] = provider;
            node["instances"] = new JsonArray(instance);
            document.Add(new ResourceNode(node));
            return (null, $"Imported {address} with id {cloudId}.");
        }

        var keys = resource.Objects.Where(o => !ResourceNode.IsDeposed(o)).Select(ResourceNode.KeyOf).ToList();
        if (keys.Contains(address.Key))
        {
            return (StateEditError.Conflict, $"{address} already exists in the state; remove it first to import it again.");
        }

        if (keys.Any(k => k.Kind != address.Key.Kind))
        {
            return (StateEditError.Conflict,
                $"{resource.Address} already exists with instances keyed like {resource.Address.WithKey(keys[0])}; {address} does not fit beside them.");
        }

        resource.Add(instance);
        resource.UpdateEach();
        return (null, $"Imported {address} with id {cloudId}.");
    }

    private static (StateEditError?, string) RemoveModule(EditableState document, ModuleAddress module)
    {
        var matches = document.Resources.Where(r => module.TargetContains(r.Address.Module)).ToList();
        if (matches.Count == 0)
        {
            return (StateEditError.NotFound, $"There are no resources under {module} in the state.");
        }

        var count = matches.Sum(r => r.CurrentCount);
        matches.ForEach(document.Remove);
        return (null, $"Removed {Plural(count, "resource instance")} under {module}.");
    }

    private static (StateEditError?, string) RemoveResource(EditableState document, ResourceAddress address)
    {
        if (document.Find(address) is not { } resource)
        {
            return (StateEditError.NotFound, $"{address.WithoutKey()} is not in the state.");
        }

        if (address.Key.IsNone)
        {
            document.Remove(resource);
            return (null, $"Removed {resource.Address} ({Plural(resource.CurrentCount, "instance")}).");
        }

        var objects = resource.Objects.Where(o => ResourceNode.KeyOf(o) == address.Key).ToList();
        if (objects.Count == 0)
        {
            return (StateEditError.NotFound, $"{address} is not in the state.");
        }

        objects.ForEach(o => resource.Instances.Remove(o));
        if (resource.Instances.Count == 0)
        {
            document.Remove(resource);
        }

        resource.UpdateEach();
        return (null, $"Removed {address}.");
    }

    private static StateEditResult Edit(ReadOnlySpan<byte> state, Func<EditableState, (StateEditError? Error, string Message)> edit)
    {
        try
        {
            var document = EditableState.Load(state);
            var (error, message) = edit(document);
            if (error is { } refused)
            {
                return StateEditResult.Fail(refused, message);
            }

            var (bytes, serial) = document.Save();
            return StateEditResult.Ok(bytes, serial, message);
        }
        catch (TfstateFormatException ex)
        {
            return StateEditResult.Fail(StateEditError.Invalid, ex.Message);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or OverflowException)
        {
            // Valid by the scanner's rules yet not editable: a duplicated property (JsonObject refuses those), or a
            // serial of long.MaxValue that has no successor.
            return StateEditResult.Fail(StateEditError.Invalid, $"The state cannot be edited: {ex.Message}");
        }
    }

    private static JsonObject Attributes(JsonObject? given, string cloudId)
    {
        var attributes = given?.DeepClone().AsObject() ?? [];
        attributes["id"] = cloudId;
        return attributes;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
