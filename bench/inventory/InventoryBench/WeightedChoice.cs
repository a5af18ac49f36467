namespace IacPlatform.Bench.Inventory;

/// <summary>Picks from a fixed list with integer weights (the skew of a real inventory).</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly int[] _cumulative;

    public WeightedChoice(IEnumerable<(T Value, int Weight)> items)
    {
        var list = items.ToList();
        _values = [.. list.Select(item => item.Value)];
        _cumulative = new int[list.Count];
        var sum = 0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Values => _values;

    public T Pick(Random random)
    {
        var ticket = random.Next(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, ticket + 1);
        return _values[index >= 0 ? index : ~index];
    }
}
