using System.Text.RegularExpressions;
using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Validation;

/// <summary>Checks of hubs: names, domains, chart version, images, profiles that fit their pools, and auth.</summary>
public static partial class HubRules
{
    public static void CheckAll(IReadOnlyList<HubSettings> hubs, CommunityStack stack, List<Problem> problems)
    {
        if (hubs.Count == 0 && stack.Kind != StackKind.Event)
            problems.Add(new Problem("hubinfra:hubs", "declare at least one hub"));
        foreach (var hub in hubs)
            Check(hub, stack, problems);
        Duplicates(hubs, h => h.Name, "name", "hub name", problems);
        Duplicates(hubs, h => h.Namespace, "namespace", "namespace", problems);
        Duplicates(hubs, h => h.Domain, "domain", "domain", problems);
    }

    private static void Duplicates(IReadOnlyList<HubSettings> hubs, Func<HubSettings, string> field, string key, string what, List<Problem> problems)
    {
        foreach (var group in hubs.GroupBy(field).Where(g => g.Count() > 1 && g.Key.Length > 0))
            foreach (var hub in group.Skip(1))
                problems.Add(new Problem($"{hub.Key}.{key}", $"{what} '{group.Key}' is also used by {group.First().Key}; give each hub its own"));
    }

    public static void Check(HubSettings hub, CommunityStack stack, List<Problem> problems)
    {
        if (!Naming.IsLabel(hub.Name, Naming.ReleaseNameMax))
            problems.Add(new Problem(hub.Key + ".name", $"'{hub.Name}' {Naming.LabelRule(Naming.ReleaseNameMax)} (it names the Helm release)"));
        if (!Naming.IsLabel(hub.Namespace))
            problems.Add(new Problem(hub.Key + ".namespace", $"'{hub.Namespace}' is not a Kubernetes namespace name: it {Naming.LabelRule(63)}"));
        else if (SystemNamespaces.Contains(hub.Namespace))
            problems.Add(new Problem(hub.Key + ".namespace", $"'{hub.Namespace}' is a namespace Kubernetes or GKE keeps for itself (default, kube-*, gke-*, gmp-*); " +
                                                             $"give the hub a namespace of its own, e.g. '{hub.Name}'"));
        if (hub.Domain.Length > 0 && !Hostname().IsMatch(hub.Domain))
            problems.Add(new Problem(hub.Key + ".domain", $"'{hub.Domain}' is not a host name; use one like hub.example.org"));
        if (!SemVer().IsMatch(hub.ChartVersion))
            problems.Add(new Problem(hub.Key + ".chartVersion", $"'{hub.ChartVersion}' is not a chart version; pin one such as 4.4.0"));
        if (hub.Https.LetsEncryptContact is { } contact && !CommunityValidator.Email().IsMatch(contact))
            problems.Add(new Problem(hub.Key + ".https.letsEncryptContact", $"'{contact}' is not an e-mail address; write one like admins@example.org"));
        ImageRules.Check(hub.Image, hub.Key + ".image", problems);
        for (var i = 0; i < hub.ExtraImages.Count; i++)
            ImageRules.CheckReference(hub.ExtraImages[i], $"{hub.Key}.prePuller.extraImages[{i}]", problems);
        if (hub.Cull.TimeoutSeconds < 60)
            problems.Add(new Problem(hub.Key + ".culling.timeoutSeconds", "must be at least 60 seconds; set 60 or more"));
        if (hub.Cull.MaxAgeSeconds < 0)
            problems.Add(new Problem(hub.Key + ".culling.maxAgeSeconds", "must be 0 (no maximum) or more; set 0 or more"));

        CheckProfiles(hub, stack, problems);
        CheckAuth(hub, problems);
    }

    private static void CheckProfiles(HubSettings hub, CommunityStack stack, List<Problem> problems)
    {
        foreach (var dup in hub.Profiles.GroupBy(p => p.Name).Where(g => g.Count() > 1))
            problems.Add(new Problem(dup.Last().Key + ".name", $"profile name '{dup.Key}' is used twice in this hub; rename one of them"));
        if (hub.Profiles.Count(p => p.Default) > 1)
            problems.Add(new Problem(hub.Profiles.Where(p => p.Default).Last().Key + ".default", "only one profile can be the default; remove default: true from the others"));

        foreach (var profile in hub.Profiles)
        {
            ProfileRules.Check(profile, problems);
            if (!profile.IsPlannable)
                continue;

            var pool = stack.UserPools.FirstOrDefault(p => p.Name == profile.NodePool);
            if (pool is null)
            {
                problems.Add(new Problem(profile.Key + ".nodePool", $"'{profile.NodePool}' is not a user node pool; use one of: {string.Join(", ", stack.UserPools.Select(p => p.Name))}"));
                continue;
            }
            if (profile.GpusPerUser > 0 && (pool.Gpu is null || pool.Gpu.Count < profile.GpusPerUser))
                problems.Add(new Problem(profile.Key + ".gpus", $"pool '{pool.Name}' has {Plural.Of(pool.Gpu?.Count ?? 0, "GPU")} per node; the profile asks {profile.GpusPerUser}: lower gpus or use a pool with more GPUs per node"));
            if (stack.Kind == StackKind.Local || !MachineTypeCatalog.TryGet(pool.MachineType, out var machine))
                continue;
            var seats = SeatPlanner.SeatsFor(profile, pool, machine, stack.Capacity);
            if (seats < 1)
            {
                var alloc = SeatPlanner.Allocatable(machine, stack.Capacity, pool.ImageStreaming);
                var ds = pool.Gpu is null ? stack.Capacity.DaemonSets : stack.Capacity.GpuDaemonSets;
                var cpuFree = alloc.CpuCores - ds.CpuCores;
                var cpuShort = profile.CpuGuarantee > cpuFree;
                problems.Add(new Problem(profile.Key + (cpuShort ? ".cpu.guarantee" : ".memory.guarantee"),
                    $"a guarantee of {profile.CpuGuarantee} CPU / {profile.MemoryGuarantee} does not fit on {machine.Name} in pool '{pool.Name}': " +
                    $"{cpuFree:0.##} CPU / {alloc.MemoryGiB - ds.MemoryGiB:0.##} GiB are allocatable to users per node; " +
                    $"lower {(cpuShort ? "cpu.guarantee" : "memory.guarantee")} or use a larger machineType"));
            }
        }
    }

    private static void CheckAuth(HubSettings hub, List<Problem> problems)
    {
        if (hub.Auth.GitHub is { } gh)
        {
            var key = hub.Key + ".auth.github";
            for (var i = 0; i < gh.AllowedTeams.Count; i++)
                if (!Team().IsMatch(gh.AllowedTeams[i]))
                    problems.Add(new Problem($"{key}.allowedTeams[{i}]", $"'{gh.AllowedTeams[i]}' is not a team; write it as org:team-slug"));
            for (var i = 0; i < gh.AllowedOrganizations.Count; i++)
                if (!GitHubName().IsMatch(gh.AllowedOrganizations[i]))
                    problems.Add(new Problem($"{key}.allowedOrganizations[{i}]", $"'{gh.AllowedOrganizations[i]}' is not a GitHub organization name; use the organization's login, e.g. my-org"));
            if (gh.AllowedOrganizations.Count + gh.AllowedTeams.Count + gh.AllowedUsers.Count == 0 && hub.Workshop is null)
                problems.Add(new Problem($"{key}.allowedOrganizations", "would let every GitHub user in: list allowedOrganizations, allowedTeams (org:team) or allowedUsers"));
        }
        for (var i = 0; i < hub.AdminUsers.Count; i++)
            if (string.IsNullOrWhiteSpace(hub.AdminUsers[i]))
                problems.Add(new Problem($"{hub.Key}.adminUsers[{i}]", "is empty; write a username or remove the item"));
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$")]
    private static partial Regex Hostname();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}):[A-Za-z0-9._-]+$")]
    private static partial Regex Team();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")]
    internal static partial Regex GitHubName();
}
