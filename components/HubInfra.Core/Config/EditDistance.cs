namespace HubInfra.Core.Config;

/// <summary>Levenshtein distance, case-insensitive: how "did you mean" picks the nearest known key.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 16) return Math.Abs(a.Length - b.Length);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
