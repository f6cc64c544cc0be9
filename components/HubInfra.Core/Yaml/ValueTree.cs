using System.Globalization;

namespace HubInfra.Core.Yaml;

/// <summary>
/// Helm values as plain data: dictionaries (insertion-ordered), lists, strings, numbers, booleans and
/// <see cref="ValueRef"/>s. Helpers to build it tersely and to walk it.
/// </summary>
public static class ValueTree
{
    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in entries)
            map[k] = v;
        return map;
    }

    /// <summary>A copy of the tree with every <see cref="ValueRef"/> replaced by <paramref name="resolve"/>.</summary>
    public static object? Resolve(object? node, Func<ValueRef, object?> resolve) => node switch
    {
        ValueRef r => resolve(r),
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Resolve(kv.Value, resolve), StringComparer.Ordinal),
        IEnumerable<object?> list when node is not string => list.Select(v => Resolve(v, resolve)).ToList(),
        _ => node,
    };

    /// <summary>The tree as offline output shows it: secrets as [secret], other references as &lt;name&gt;.</summary>
    public static object? Redacted(object? node) => Resolve(node, r => r.Display);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
