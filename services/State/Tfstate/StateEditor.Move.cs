using System.Text.Json.Nodes;

namespace IacPlatform.State.Tfstate;

internal static partial class StateEditor
{
    /// <summary>
    /// Like <c>terraform state mv</c>: a resource to another name or module (<c>aws_instance.a</c> →
    /// <c>module.m.aws_instance.b</c>), one instance to another key or resource (<c>aws_instance.a[0]</c> →
    /// <c>aws_instance.b["x"]</c>), or a module with everything under it to another module path.
    /// </summary>
    public static StateEditResult MoveAddress(ReadOnlySpan<byte> state, string from, string to)
    {
        if (!TryParseTarget(from, out var fromModule, out var fromResource, out var error)
            || !TryParseTarget(to, out var toModule, out var toResource, out error))
        {
            return StateEditResult.Fail(StateEditError.Invalid, error);
        }

        if (fromModule is not null && toModule is not null)
        {
            return Edit(state, document => MoveModule(document, fromModule, toModule));
        }

        if (fromResource is null || toResource is null)
        {
            return StateEditResult.Fail(StateEditError.Invalid,
                $"Cannot move {from} to {to}: a module moves to a module address and a resource to a resource address.");
        }

        if (fromResource.Mode != toResource.Mode || fromResource.Type != toResource.Type)
        {
            return StateEditResult.Fail(StateEditError.Invalid,
                $"Cannot move {fromResource} to {toResource}: the resource types differ ({Kind(fromResource)} and {Kind(toResource)}).");
        }

        if (fromResource.Equals(toResource))
        {
            return StateEditResult.Fail(StateEditError.Invalid, $"Cannot move {fromResource} to itself.");
        }

        return Edit(state, document => fromResource.Key.IsNone && toResource.Key.IsNone
            ? MoveResource(document, fromResource, toResource)
            : MoveInstance(document, fromResource, toResource));
    }

    private static (StateEditError?, string) MoveResource(EditableState document, ResourceAddress from, ResourceAddress to)
    {
        if (document.Find(from) is not { } source)
        {
            return (StateEditError.NotFound, $"{from} is not in the state.");
        }

        if (document.Find(to) is not null)
        {
            return (StateEditError.Conflict, $"{to} already exists in the state.");
        }

        document.Remove(source);
        source.Rename(to.Module, to.Name);
        document.Add(source);
        return (null, $"Moved {from} to {to} ({Plural(source.CurrentCount, "instance")}).");
    }

    private static (StateEditError?, string) MoveInstance(EditableState document, ResourceAddress from, ResourceAddress to)
    {
        if (document.Find(from) is not { } source)
        {
            return (StateEditError.NotFound, $"{from} is not in the state.");
        }

        var keyed = source.Objects.Select(ResourceNode.KeyOf).FirstOrDefault(k => !k.IsNone);
        if (from.Key.IsNone && !keyed.IsNone)
        {
            return (StateEditError.Invalid,
                $"{from} has {Plural(source.CurrentCount, "instance")}; name the one to move, like {from.WithKey(keyed)}.");
        }

        var moving = source.Objects.Where(o => ResourceNode.KeyOf(o) == from.Key).ToList();
        if (moving.Count == 0)
        {
            return (StateEditError.NotFound, $"{from} is not in the state.");
        }

        var target = document.Find(to);
        var others = target?.Objects.Except(moving).Select(ResourceNode.KeyOf).ToList() ?? [];
        if (others.Contains(to.Key))
        {
            return (StateEditError.Conflict, $"{to} already exists in the state.");
        }

        var clash = others.FindIndex(k => k.Kind != to.Key.Kind);
        if (clash >= 0)
        {
            return (StateEditError.Conflict,
                $"{to.WithoutKey()} already exists with instances keyed like {to.WithKey(others[clash])}; {to} does not fit beside them.");
        }

        if (target is null)
        {
            target = new ResourceNode(Shell(source, to));
            document.Add(target);
        }

        foreach (var instance in moving)
        {
            source.Instances.Remove(instance);
            ResourceNode.SetKey(instance, to.Key);
            target.Add(instance);
        }

        if (source.Instances.Count == 0 && source != target)
        {
            document.Remove(source);
        }

        source.UpdateEach();
        target.UpdateEach();
        return (null, $"Moved {from} to {to}.");
    }

    private static (StateEditError?, string) MoveModule(EditableState document, ModuleAddress from, ModuleAddress to)
    {
        if (from.Equals(to))
        {
            return (StateEditError.Invalid, $"Cannot move {from} to itself.");
        }

        if (to.StartsWith(from))
        {
            return (StateEditError.Invalid, $"Cannot move {from} into itself ({to}).");
        }

        var moving = document.Resources.Where(r => r.Address.Module.StartsWith(from)).ToList();
        if (moving.Count == 0)
        {
            return (StateEditError.NotFound, $"{from} is not in the state.");
        }

        if (document.Resources.Any(r => r.Address.Module.StartsWith(to)))
        {
            return (StateEditError.Conflict, $"{to} already exists in the state.");
        }

        foreach (var resource in moving)
        {
            document.Remove(resource);
            resource.Rename(resource.Address.Module.ReplacePrefix(from, to), resource.Address.Name);
            document.Add(resource);
        }

        return (null, $"Moved {from} to {to} ({Plural(moving.Sum(r => r.CurrentCount), "resource instance")}).");
    }

    /// <summary>A new, empty resource entry for <paramref name="to"/> with the source's provider (and legacy <c>each</c>, if any).</summary>
    private static JsonObject Shell(ResourceNode source, ResourceAddress to)
    {
        var node = new JsonObject();
        if (!to.Module.IsRoot)
        {
            node["module"] = to.Module.ToString();
        }

        node["mode"] = ResourceNode.ModeText(to.Mode);
        node["type"] = to.Type;
        node["name"] = to.Name;
        if (source.Node.ContainsKey("each"))
        {
            node["each"] = to.Key.EachMode;
        }

        node["provider"] = source.Node["provider"]?.DeepClone();
        node["instances"] = new JsonArray();
        return node;
    }

    private static string Kind(ResourceAddress address) => address.Mode == ResourceMode.Data ? $"data.{address.Type}" : address.Type;
}
