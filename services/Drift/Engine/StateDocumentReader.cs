using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IacPlatform.Drift.Engine;

/// <summary>
/// The single forward pass behind <see cref="StateResources.Read(ReadOnlySpan{byte}, string)"/>: no intermediate
/// document, attributes built straight into <see cref="JsonObject"/>s, property names shared. Properties may come in
/// any order (a resource's <c>instances</c> before its <c>mode</c>, <c>resources</c> before <c>version</c>).
/// </summary>
internal sealed partial class StateDocumentReader(string workspace)
{
    private const string MaxInstancesText = "200,000";

    private readonly PropertyNameCache names = new();
    private readonly List<DesiredResource> resources = [];
    private readonly List<PendingInstance> pending = [];
    private int instanceCount;
    private StateReadError? error;

    public StateReadResult Read(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return StateReadResult.Fail(StateReadError.NotAnObject,
                $"The state must be a JSON object with \"version\" and \"resources\", not {Describe(reader.TokenType)}.");
        }

        long? version = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var v))
                {
                    return StateReadResult.Fail(StateReadError.UnsupportedVersion, "The state's \"version\" must be a whole number (4).");
                }

                if (v != 4)
                {
                    return UnsupportedVersion(v);
                }

                version = v;
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return StateReadResult.Fail(StateReadError.InvalidResources,
                        $"The state's \"resources\" must be an array, not {Describe(reader.TokenType)}.");
                }

                if (!ReadResources(ref reader))
                {
                    return new StateReadResult([], error);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Throws on anything but whitespace after the document.
        reader.Read();
        return version is null
            ? StateReadResult.Fail(StateReadError.UnsupportedVersion,
                "The state has no \"version\": only state format version 4 (Terraform 0.12 and later) is supported.")
            : new StateReadResult(resources, null);
    }

    private static StateReadResult UnsupportedVersion(long version) => StateReadResult.Fail(StateReadError.UnsupportedVersion,
        $"State format version {version.ToString(CultureInfo.InvariantCulture)} is not supported: only version 4 (Terraform 0.12 and later) is. Run a current Terraform on it once to upgrade it.");

    private bool ReadResources(ref Utf8JsonReader reader)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!ReadResource(ref reader, index))
            {
                return false;
            }

            index++;
        }

        return true;
    }

    private bool ReadResource(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail($"resources[{index}] must be an object, not {Describe(reader.TokenType)}.");
        }

        string? module = null, mode = null, type = null, name = null, provider = null;
        pending.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("instances"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!ReadInstances(ref reader, index, skip: mode is not null && mode != "managed"))
                    {
                        return false;
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return Fail($"resources[{index}].instances must be an array, not {Describe(reader.TokenType)}.");
                }

                continue;
            }

            ref var target = ref module;
            if (reader.ValueTextEquals("mode"u8))
            {
                target = ref mode;
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                target = ref type;
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                target = ref name;
            }
            else if (reader.ValueTextEquals("provider"u8))
            {
                target = ref provider;
            }
            else if (!reader.ValueTextEquals("module"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                target = names.Get(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(name))
        {
            return Fail($"resources[{index}] must have a \"type\" and a \"name\".");
        }

        // A state without "mode" is read as Terraform 0.12 wrote it before modes existed: managed.
        if (mode is not null && mode != "managed")
        {
            return true;
        }

        var prefix = string.IsNullOrEmpty(module) ? type + "." + name : module + "." + type + "." + name;
        var providerName = TerraformNames.ProviderShortName(provider, type);
        foreach (var instance in pending)
        {
            if (!instance.Deposed && instance.Attributes is { } attributes && NativeId(attributes) is { Length: > 0 } id)
            {
                resources.Add(new DesiredResource(workspace, prefix + instance.KeySuffix, type, providerName, id, attributes));
            }
        }

        return true;
    }

    private bool Fail(string message)
    {
        error = new StateReadError(StateReadError.InvalidResources, message);
        return false;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private readonly record struct PendingInstance(string KeySuffix, bool Deposed, JsonObject? Attributes);
}
