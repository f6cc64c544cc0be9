using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Validation;

/// <summary>Checks of an event's workshop hub: accounts, names, content and collisions with the community's hubs.</summary>
public static class WorkshopRules
{
    /// <summary>JupyterHub usernames and the Kubernetes objects named after them: keep the prefix a short DNS label.</summary>
    public const int PrefixMax = 20;

    /// <summary>Longest generated admin account or shared-password group name.</summary>
    public const int AccountNameMax = 40;

    /// <summary>The first z2jh chart whose hub image has JupyterHub 5.5 (<c>images/hub/requirements.txt</c>: jupyterhub==5.5.0).</summary>
    public static readonly Version PasswordGroupsChart = new(4, 4, 0);

    public static bool IsAccountName(string name) =>
        name.Length is > 0 and <= AccountNameMax && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0])) &&
        name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '.' or '_' or '-');

    /// <summary>
    /// Two events' workshop hubs on one community's cluster cannot share a Helm release name (the release, and the
    /// chart's cluster-wide objects named after it such as <c>&lt;release&gt;-default-priority</c>, would already exist) or a
    /// namespace (an existing namespace fails the create with AlreadyExists).
    /// </summary>
    public static void CheckAgainstOtherEvents(HubSettings ws, EventSettings ev, IReadOnlyList<EventSettings> otherEvents, List<Problem> problems, string stacksFolder)
    {
        foreach (var other in otherEvents.Where(o => o.StackName != ev.StackName && o.CommunityStack == ev.CommunityStack))
        {
            if (other.WorkshopHub is not { } theirs) continue;
            var over = $"or, if {other.StackName} is over, destroy it (pulumi destroy -s {other.StackName}) and remove {StackFile.PathIn(stacksFolder, other.StackName)}";
            if (theirs.Name == ws.Name)
                problems.Add(new Problem($"{ws.Key}.name", $"'{ws.Name}' is also the workshop hub of event {other.StackName} on {ev.CommunityStack}'s cluster, " +
                                                           $"where its Helm release and the chart's objects named after it already exist; rename this workshop hub, {over}"));
            if (theirs.Namespace == ws.Namespace)
                problems.Add(new Problem($"{ws.Key}.namespace", $"'{ws.Namespace}' is also the namespace of event {other.StackName}'s workshop hub on {ev.CommunityStack}'s cluster; " +
                                                                $"give this workshop its own namespace (or hub name), {over}"));
        }
    }

    public static void Check(HubSettings ws, EventSettings ev, CommunityStack? community, List<Problem> problems)
    {
        var key = "hubinfra:event.workshop";
        var hubKey = ws.Key;
        if (community is not null)
        {
            var resolved = EventResolver.TargetHub(ev with { Hub = ws.Name }, community) ?? ws;
            var pools = community.UserPools.ToList();
            if (ev.Pool is { } dedicated)
                pools.AddRange(resolved.Profiles.Where(p => pools.All(x => x.Name != p.NodePool)).Select(p =>
                    dedicated.AsUserPool(p.NodePool, null)));
            HubRules.Check(resolved, community with { Hubs = [], Kind = StackKind.Event, UserPools = pools }, problems);
            foreach (var other in community.Hubs)
            {
                if (other.Domain == ws.Domain)
                    problems.Add(new Problem($"{hubKey}.domain", $"'{ws.Domain}' is the domain of community hub '{other.Name}'; give the workshop its own host name"));
                if (other.Namespace == ws.Namespace)
                    problems.Add(new Problem($"{hubKey}.namespace", $"'{ws.Namespace}' is the namespace of community hub '{other.Name}'; give the workshop its own namespace"));
                if (other.Name == ws.Name)
                    problems.Add(new Problem($"{hubKey}.name", $"'{ws.Name}' is the name of a community hub; rename the workshop hub (its Helm release needs its own name)"));
            }
        }

        if (ws.Auth.Accounts is { } accounts)
        {
            if (accounts.Count < 1)
                problems.Add(new Problem($"{hubKey}.auth.accounts.count", "must be at least 1; set count to the number of attendees"));
            else if (accounts.Count > ev.PeakSeats && ev.PeakSeats > 0)
                problems.Add(new Problem($"{hubKey}.auth.accounts.count",
                    $"{accounts.Count} accounts but the capacity plan warms {ev.PeakSeats} seats (attendees × peakFraction); lower the count or raise hubinfra:event.attendees"));
            if (!Naming.IsLabel(accounts.Prefix, PrefixMax) || accounts.Prefix.Contains('-'))
                problems.Add(new Problem($"{hubKey}.auth.accounts.prefix",
                    $"'{accounts.Prefix}' must be at most {PrefixMax} lowercase letters and digits starting with a letter (it starts every username and the pods and volumes named after them); use e.g. student"));
            foreach (var user in accounts.Rotations.Keys.Where(u => !accounts.Usernames.Contains(u)))
                problems.Add(new Problem($"{hubKey}.auth.accounts.rotate.{user}",
                    $"'{user}' is not one of the generated accounts {accounts.Seats.FirstOrDefault()}..{accounts.Seats.LastOrDefault()}" +
                    (accounts.Admins.Count > 0 ? $" or the admins {string.Join(", ", accounts.Admins)}" : "") + "; remove it or name a generated account"));
            // Admins who are not seats get generated accounts: their names must be names JupyterHub keeps as typed.
            for (var i = 0; i < ws.AdminUsers.Count; i++)
                if (accounts.Admins.Contains(ws.AdminUsers[i]) && !IsAccountName(ws.AdminUsers[i]))
                    problems.Add(new Problem($"{hubKey}.adminUsers[{i}]",
                        $"'{ws.AdminUsers[i]}' gets a generated account, so it must be at most {AccountNameMax} lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (JupyterHub lowercases what people type); rename it, e.g. instructor"));
        }
        if (ws.Auth.Shared is { } shared && shared.Groups.Count > 0)
        {
            for (var i = 0; i < shared.Groups.Count; i++)
            {
                var group = shared.Groups[i];
                if (!IsAccountName(group))
                    problems.Add(new Problem($"{hubKey}.auth.sharedPassword.groups[{i}]",
                        $"'{group}' must be at most {AccountNameMax} lowercase letters, digits, '.', '_' or '-' (it names a JupyterHub group and a roster line); rename it, e.g. session-a"));
                else if (shared.Groups.Take(i).Contains(group))
                    problems.Add(new Problem($"{hubKey}.auth.sharedPassword.groups[{i}]", $"'{group}' is listed twice; each group gets its own password: remove the second one"));
            }
            if (!Version.TryParse(ws.ChartVersion, out var chart) || chart < PasswordGroupsChart)
                problems.Add(new Problem($"{hubKey}.chartVersion",
                    $"sharedPassword.groups needs JupyterHub 5.5 (SharedPasswordAuthenticator.password_groups), shipped by the z2jh chart {PasswordGroupsChart} and later; '{ws.ChartVersion}' does not have it: set chartVersion: 4.4.0 or later"));
        }
        if (ws.Auth.GitHub is { } gh && gh.AllowedUsers.Count == 0 && gh.AllowedTeams.Count == 0)
            problems.Add(new Problem($"{hubKey}.auth.github.allowedUsers", "a workshop with GitHub login needs its attendees: list allowedUsers (GitHub usernames) or allowedTeams (org:team)"));
        if (ws.Auth.Dummy)
            problems.Add(new Problem($"{hubKey}.auth.dummy", "is for local stacks only; use accounts, sharedPassword or github"));

        if (ws.Workshop?.Content is { } content)
        {
            if (!Uri.TryCreate(content.RepositoryUrl, UriKind.Absolute, out var uri) || uri.Scheme != "https")
                problems.Add(new Problem($"{key}.content.repository", $"'{content.RepositoryUrl}' is not an https:// URL; use the https:// URL of a git repository"));
            if (content.Branch.Length == 0 || content.Branch.Any(c => char.IsWhiteSpace(c) || c == '\''))
                problems.Add(new Problem($"{key}.content.branch", $"'{content.Branch}' is not a branch name; write one such as main"));
            foreach (var (k, v) in new[] { ("path", content.Path), ("openFirst", content.OpenFirst) })
                if (v is not null && (v.Contains("..", StringComparison.Ordinal) || v.Contains('\'')))
                    problems.Add(new Problem($"{key}.content.{k}", $"'{v}' is not a plain relative path; write a path inside the repository without '..' or quotes"));
        }
    }
}
