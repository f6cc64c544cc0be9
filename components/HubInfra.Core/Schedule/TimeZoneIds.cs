using HubInfra.Core.Config;
using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// The IANA time zones NodaTime's bundled tzdb knows, and the one a mistyped name most likely meant: the same name in
/// other case, the zone of a city written alone or with spaces ("new york" → America/New_York), or the nearest id
/// by edit distance among those with a region ("Europe/Berln" → Europe/Berlin).
/// </summary>
public static class TimeZoneIds
{
    public static DateTimeZone? Find(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>The id <paramref name="typed"/> most likely meant, or null when none is close.</summary>
    public static string? Nearest(string typed)
    {
        var ids = DateTimeZoneProviders.Tzdb.Ids;
        var text = typed.Trim().Replace(' ', '_');
        if (text.Length == 0) return null;
        var same = ids.FirstOrDefault(id => string.Equals(id, text, StringComparison.OrdinalIgnoreCase));
        if (same is not null) return same;
        if (!text.Contains('/'))
        {
            // A city alone: the one region/city id that ends in it (not a guess between several).
            var cities = ids.Where(id => id.Contains('/') && string.Equals(id[(id.LastIndexOf('/') + 1)..], text, StringComparison.OrdinalIgnoreCase)).ToList();
            return cities.Count == 1 ? cities[0] : null;
        }
        var best = ids.Where(id => id.Contains('/')).MinBy(id => EditDistance.Between(id, text));
        return best is not null && EditDistance.Between(best, text) <= Math.Max(2, text.Length / 4) ? best : null;
    }
}
