using System.Text.Json;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// Parses a DSL filter: <c>{"and": [...]}</c>, <c>{"or": [...]}</c>, <c>{"not": {...}}</c> or
/// <c>{"field", "operator", "value"}</c>, at most <see cref="MaxDepth"/> levels and <see cref="MaxConditions"/>
/// conditions, reporting every problem with its JSON path.
/// </summary>
internal sealed class FilterParser(QueryErrors errors)
{
    public const int MaxDepth = 8;
    public const int MaxConditions = 50;

    private int _conditions;
    private bool _tooMany;

    public static FilterNode? Parse(JsonElement filter, string path, QueryErrors errors) =>
        new FilterParser(errors).Node(filter, path, 1);

    private FilterNode? Node(JsonElement node, string path, int depth)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "A filter node must be an object: {\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}} or {\"field\", \"operator\", \"value\"}.");
            return null;
        }

        if (depth > MaxDepth)
        {
            errors.Add(path, $"The filter is nested more than {MaxDepth} levels deep.");
            return null;
        }

        var names = node.EnumerateObject().Select(property => property.Name).ToList();
        if (names.Contains("and") || names.Contains("or"))
        {
            return Group(node, names, path, depth);
        }

        if (names.Contains("not"))
        {
            if (!OnlyKnown(names, ["not"], path))
            {
                return null;
            }

            var child = Node(node.GetProperty("not"), path + ".not", depth + 1);
            return child is null ? null : new NotNode(child, path);
        }

        return Condition(node, names, path);
    }

    private FilterNode? Group(JsonElement node, List<string> names, string path, int depth)
    {
        var name = names.Contains("and") ? "and" : "or";
        if (!OnlyKnown(names, [name], path))
        {
            return null;
        }

        var items = node.GetProperty(name);
        var itemsPath = $"{path}.{name}";
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.Add(itemsPath, $"'{name}' needs a non-empty array of filter nodes.");
            return null;
        }

        var children = new List<FilterNode>();
        var index = 0;
        var failed = false;
        foreach (var item in items.EnumerateArray())
        {
            if (Node(item, $"{itemsPath}[{index}]", depth + 1) is { } child)
            {
                children.Add(child);
            }
            else
            {
                failed = true;
            }

            index++;
        }

        return failed ? null : name == "and" ? new AndNode(children, path) : new OrNode(children, path);
    }

    private ConditionNode? Condition(JsonElement node, List<string> names, string path)
    {
        if (!OnlyKnown(names, ["field", "operator", "value"], path))
        {
            return null;
        }

        if (++_conditions > MaxConditions)
        {
            if (!_tooMany)
            {
                errors.Add(path, $"The filter has more than {MaxConditions} conditions.");
                _tooMany = true;
            }

            return null;
        }

        if (!node.TryGetProperty("field", out var fieldElement) || fieldElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(path + ".field", "A condition needs 'field' as a string.");
            return null;
        }

        var fieldName = fieldElement.GetString()!;
        if (!node.TryGetProperty("operator", out var opElement) || opElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(path + ".operator", $"The condition on '{fieldName}' needs 'operator' as a string ({QueryOperators.Known}).");
            return null;
        }

        var field = QueryFields.Resolve(fieldName, out var problem);
        if (field is null)
        {
            errors.Add(path + ".field", problem!);
            return null;
        }

        var opName = opElement.GetString()!;
        if (QueryOperators.Parse(opName) is not { } op)
        {
            errors.Add(path + ".operator", $"Unknown operator '{opName}' on field '{fieldName}'. Known operators: {QueryOperators.Known}.");
            return null;
        }

        JsonElement? value = node.TryGetProperty("value", out var valueElement) ? valueElement : null;
        return ConditionFactory.Create(field, op, value, loose: false, ConditionSite.ForJson(path), errors);
    }

    private bool OnlyKnown(List<string> names, string[] allowed, string path)
    {
        var unknown = names.Where(name => !allowed.Contains(name)).ToList();
        if (unknown.Count == 0)
        {
            return true;
        }

        var conflicting = unknown.Where(name => name is "and" or "or" or "not" or "field").ToList();
        errors.Add(
            $"{path}.{unknown[0]}",
            conflicting.Count > 0
                ? $"A filter node is either 'and', 'or', 'not' or a condition: '{allowed[0]}' cannot be combined with '{conflicting[0]}'."
                : $"Unknown property '{unknown[0]}' in a filter node; expected {string.Join(", ", allowed.Select(name => $"'{name}'"))}.");
        return false;
    }
}
