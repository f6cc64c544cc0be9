using System.Text.RegularExpressions;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary>
/// Which problems stop <c>plan</c>: an error blocks the plan when the plan is computed from the key it is about
/// (the event, the pools, the hubs' profiles, the capacity settings). Errors about what only deploying needs (login,
/// HTTPS, domain, image, budget, the cluster's network and maintenance exclusions) and the checks of a plan that
/// stands (<see cref="Problem.KeepsPlan"/>) are printed under the plan instead, so an organizer sees the cost
/// weeks before the stack can be deployed.
/// </summary>
public static partial class PlanBlockers
{
    public static bool Blocks(Problem problem) =>
        problem.Severity == Severity.Error && !problem.KeepsPlan && !DeployOnly().IsMatch(problem.Key);

    [GeneratedRegex("""
        ^hubinfra:(
            (project|region|budget|local)(\..*)?
          | cluster\.(name|regional|nodeLocations|releaseChannel|privateNodes|masterIpv4CidrBlock|masterAuthorizedNetworks|network|deletionProtection|maintenanceExclusions)\b.*
          | (hubs\[\d+\]|event\.workshop\.hub)\.(domain|https|staticIp|chartVersion|image|homeStorage|culling|adminUsers|auth|prePuller|podPriority|namespace)\b.*
          | (hubs\[\d+\]|event\.workshop\.hub)\.profiles\[\d+\]\.(image|displayName|description)\b.*
          | event\.workshop\.(content|generation|maxServerAgeHours)\b.*
          | event\.placeholderImage
        )$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DeployOnly();
}
