using HubInfra.Core.Config;

namespace HubInfra.Core.Planning;

/// <summary>
/// Drops errors that only follow from another error, so each mistake is reported once, at its own key: a key asked
/// for as missing when a look-alike of it is present, and checks that ran on a stand-in for an invalid value
/// (an unknown time zone is read as UTC, so exclusions computed from it would mislead).
/// </summary>
public static class FollowOn
{
    /// <summary>An error at Cause hides errors at Effect (and, with Items, at each Effect[i]).</summary>
    private static readonly (string Cause, string Effect, bool Items)[] Rules =
    [
        ("hubinfra:event.timeZone", "hubinfra:event.windows", false),
        ("hubinfra:event.attendees", "hubinfra:event.workshop.hub.auth.accounts.count", false),
        ("hubinfra:region", "hubinfra:cluster.nodeLocations", true),
    ];

    public static List<Problem> Suppress(List<Problem> problems, RawConfig raw)
    {
        var errorKeys = problems.Where(p => p.Severity == Severity.Error).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return problems.Where(p => !IsFollowOn(p, errorKeys, raw)).ToList();
    }

    private static bool IsFollowOn(Problem p, HashSet<string> errorKeys, RawConfig raw)
    {
        // A look-alike (hubInfra:hubs) was reported; what the missing hubinfra:hubs would add says the same again.
        if (raw.MisspelledKeys.Contains(p.Key) && !raw.Values.ContainsKey(p.Key[(ConfigKey.Namespace.Length + 1)..]))
            return true;
        // An image written as one string was reported as a whole (no tag); its missing tag is the same mistake.
        if (p.Key.EndsWith("image.tag", StringComparison.Ordinal) && errorKeys.Contains(p.Key[..^".tag".Length]))
            return true;
        foreach (var (cause, effect, items) in Rules)
            if (errorKeys.Contains(cause) && (p.Key == effect || (items && p.Key.StartsWith(effect + "[", StringComparison.Ordinal))))
                return true;
        return false;
    }
}
