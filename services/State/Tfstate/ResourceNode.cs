using System.Text.Json.Nodes;

namespace IacPlatform.State.Tfstate;

/// <summary>One entry of <c>resources</c> as an editable JSON object, with its address read once.</summary>
internal sealed class ResourceNode
{
    public ResourceNode(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
        var module = node["module"]?.GetValue<string>() is { Length: > 0 } text ? ModuleAddress.Parse(text) : ModuleAddress.Root;
        Address = new ResourceAddress(module, node["mode"]?.GetValue<string>() == "data" ? ResourceMode.Data : ResourceMode.Managed,
            node["type"]!.GetValue<string>(), node["name"]!.GetValue<string>());
    }

    public JsonObject Node { get; }

    /// <summary>The resource address, without an instance key.</summary>
    public ResourceAddress Address { get; private set; }

    public JsonArray Instances
    {
        get
        {
            if (Node["instances"] is JsonArray instances)
            {
                return instances;
            }

            var created = new JsonArray();
            Node["instances"] = created;
            return created;
        }
    }

    /// <summary>Every object, current and deposed.</summary>
    public List<JsonObject> Objects => [.. Instances.OfType<JsonObject>()];

    public int CurrentCount => Objects.Count(o => !IsDeposed(o));

    public static InstanceKey KeyOf(JsonObject instance) => instance["index_key"] switch
    {
        JsonValue value when value.TryGetValue<long>(out var index) => InstanceKey.Of(index),
        JsonValue value when value.TryGetValue<string>(out var key) => InstanceKey.Of(key),
        _ => InstanceKey.None,
    };

    public static bool IsDeposed(JsonObject instance) => instance["deposed"] is JsonValue value
        && value.TryGetValue<string>(out var deposed) && deposed.Length > 0;

    /// <summary>Sets or removes <c>index_key</c>, keeping it first as Terraform writes it.</summary>
    public static void SetKey(JsonObject instance, InstanceKey key)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (key.IsNone)
        {
            instance.Remove("index_key");
        }
        else if (instance.ContainsKey("index_key"))
        {
            instance["index_key"] = key.ToJsonNode();
        }
        else
        {
            instance.Insert(0, "index_key", key.ToJsonNode());
        }
    }

    /// <summary>Terraform's resource order in a state file: module, mode, type, name.</summary>
    public static int Compare(ResourceNode a, ResourceNode b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = a.Address;
        var y = b.Address;
        return string.CompareOrdinal(x.Module.ToString(), y.Module.ToString()) is var module and not 0 ? module
            : string.CompareOrdinal(ModeText(x.Mode), ModeText(y.Mode)) is var mode and not 0 ? mode
            : string.CompareOrdinal(x.Type, y.Type) is var type and not 0 ? type
            : string.CompareOrdinal(x.Name, y.Name);
    }

    public static string ModeText(ResourceMode mode) => mode == ResourceMode.Data ? "data" : "managed";

    /// <summary>Moves the resource to another module and/or name; the <c>module</c> field is first, or absent at the root.</summary>
    public void Rename(ModuleAddress module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (module.IsRoot)
        {
            Node.Remove("module");
        }
        else if (Node.ContainsKey("module"))
        {
            Node["module"] = module.ToString();
        }
        else
        {
            Node.Insert(0, "module", module.ToString());
        }

        Node["name"] = name;
        Address = new ResourceAddress(module, Address.Mode, Address.Type, name);
    }

    /// <summary>Adds an object where Terraform would put it: no key first, then count indexes, then for_each keys.</summary>
    public void Add(JsonObject instance)
    {
        var instances = Instances;
        var key = KeyOf(instance);
        var index = 0;
        while (index < instances.Count && instances[index] is JsonObject other && InstanceKey.Compare(KeyOf(other), key) <= 0)
        {
            index++;
        }

        instances.Insert(index, instance);
    }

    /// <summary>
    /// Keeps the legacy <c>each</c> field (written only by Terraform 0.12) true to the keys after an edit: <c>list</c>
    /// for count indexes, <c>map</c> for for_each keys, absent otherwise. Newer states have no <c>each</c> and get none.
    /// </summary>
    public void UpdateEach()
    {
        if (!Node.ContainsKey("each"))
        {
            return;
        }

        var modes = Objects.Select(o => KeyOf(o).EachMode).Distinct().ToList();
        if (modes is [{ } each])
        {
            Node["each"] = each;
        }
        else
        {
            Node.Remove("each");
        }
    }
}
