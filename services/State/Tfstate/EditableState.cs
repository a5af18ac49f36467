using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// A state loaded as <see cref="JsonNode"/>s for editing. Only the fields an edit touches change; everything else,
/// including properties this code does not know, is written back as it was read.
/// </summary>
internal sealed class EditableState
{
    private readonly JsonObject _root;
    private readonly JsonArray _resources;
    private readonly List<ResourceNode> _nodes;

    private EditableState(JsonObject root, JsonArray resources)
    {
        _root = root;
        _resources = resources;
        _nodes = [.. resources.OfType<JsonObject>().Select(r => new ResourceNode(r))];
    }

    public IReadOnlyList<ResourceNode> Resources => _nodes;

    /// <exception cref="TfstateFormatException">The bytes are not a version 4 state.</exception>
    public static EditableState Load(ReadOnlySpan<byte> utf8)
    {
        utf8 = TfstateJson.WithoutBom(utf8);
        TfstateScanner.Scan(utf8);
        var root = JsonNode.Parse(utf8, documentOptions: TfstateJson.DocumentOptions)!.AsObject();
        if (root["resources"] is not JsonArray resources)
        {
            resources = [];
            root["resources"] = resources;
        }

        return new EditableState(root, resources);
    }

    /// <summary>The resource at <paramref name="address"/>, ignoring its instance key.</summary>
    public ResourceNode? Find(ResourceAddress address) => _nodes.FirstOrDefault(n => n.Address.SameResource(address));

    /// <summary>Adds a resource at its sorted position, as Terraform would write it.</summary>
    public void Add(ResourceNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var index = 0;
        while (index < _nodes.Count && ResourceNode.Compare(_nodes[index], resource) <= 0)
        {
            index++;
        }

        // The JSON array may hold entries that are not objects (never in a valid state); keep both lists aligned anyway.
        var before = index < _nodes.Count ? _resources.IndexOf(_nodes[index].Node) : _resources.Count;
        _nodes.Insert(index, resource);
        _resources.Insert(before, resource.Node);
    }

    public void Remove(ResourceNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _nodes.Remove(resource);
        _resources.Remove(resource.Node);
    }

    /// <summary>Serializes the edited state with the next serial; the lineage stays, so Terraform sees a newer version of the same state.</summary>
    public (byte[] State, long Serial) Save()
    {
        var serial = checked(_root["serial"]!.GetValue<long>() + 1);
        _root["serial"] = serial;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, TfstateJson.WriterOptions))
        {
            _root.WriteTo(writer);
        }

        buffer.Write("\n"u8);
        return (buffer.WrittenSpan.ToArray(), serial);
    }
}
