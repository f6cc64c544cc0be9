using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Values;

/// <summary>
/// The z2jh chart values for one hub: everything the Helm release receives. Secrets and resource outputs appear
/// as <see cref="ValueRef"/>s; plaintext passwords never appear here (workshop accounts reach the hub as hashes in
/// a Kubernetes Secret, see <see cref="WorkshopAuthValues"/>).
/// </summary>
public static class HubValues
{
    /// <param name="releaseChannel">The cluster's GKE release channel: it decides the user scheduler's version.</param>
    public static Dictionary<string, object?> Build(HubSettings hub, StackKind kind, string? storageClassOverride = null, string releaseChannel = "REGULAR")
    {
        var local = kind == StackKind.Local;
        var storageClass = storageClassOverride ?? (hub.Workshop is not null ? StorageClasses.Delete : StorageClasses.Retain);
        var defaultProfile = hub.Profiles.FirstOrDefault(p => p.Default) ?? hub.Profiles[0];

        var values = Map(
            ("hub", HubSection(hub, storageClass)),
            ("proxy", ProxySection(hub, local)),
            ("singleuser", SingleUserSection(hub, defaultProfile, storageClass, local)),
            ("scheduling", Map(
                ("userScheduler", UserScheduler(local, releaseChannel)),
                ("podPriority", Map(("enabled", hub.PodPriority))),
                ("userPlaceholder", Map(("enabled", false))),
                ("corePods", Map(("nodeAffinity", Map(("matchNodePurpose", local ? "ignore" : "require"))))),
                ("userPods", Map(("nodeAffinity", Map(("matchNodePurpose", local ? "ignore" : "require"))))))),
            ("prePuller", Map(
                ("hook", Map(("enabled", true))),
                ("continuous", Map(("enabled", true))),
                ("extraImages", PrePullImages(hub)))),
            ("cull", Map(
                ("enabled", hub.Cull.Enabled),
                ("timeout", hub.Cull.TimeoutSeconds),
                ("every", hub.Cull.EverySeconds),
                ("maxAge", hub.Cull.MaxAgeSeconds))));
        if (hub.Storm is { } storm)
            LoginStormValues.Apply(storm, values);
        WorkshopAuthValues.ApplyClientAddressHops(values);
        return values;
    }

    /// <summary>
    /// <c>scheduling.userScheduler</c>: on GKE, enabled and running the kube-scheduler of the cluster's release channel
    /// (<see cref="Kubernetes.UserSchedulerImage"/>; the chart 4.4.0's own v1.30.14 is older than the skew policy allows).
    /// </summary>
    private static Dictionary<string, object?> UserScheduler(bool local, string releaseChannel)
    {
        if (local) return Map(("enabled", false));
        var image = Kubernetes.UserSchedulerImage.For(releaseChannel).Image;
        return Map(("enabled", true), ("image", Map(("name", image.Name), ("tag", image.Tag))));
    }

    private static Dictionary<string, object?> HubSection(HubSettings hub, string storageClass)
    {
        var section = Map(
            ("config", AuthConfig(hub)),
            ("networkPolicy", Map(("enabled", true))),
            ("db", Map(("type", "sqlite-pvc"), ("pvc", Map(("storage", "1Gi"), ("storageClassName", storageClass))))));
        if (hub.Workshop is not null || hub.Auth.Accounts is not null || hub.Auth.Shared is not null)
            WorkshopAuthValues.Apply(hub, section);
        return section;
    }

    private static Dictionary<string, object?> AuthConfig(HubSettings hub)
    {
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        var authenticator = Map(("admin_users", hub.AdminUsers.ToList()));
        if (hub.Auth.GitHub is { } gh)
        {
            config["JupyterHub"] = Map(("authenticator_class", "github"));
            var github = Map(
                ("client_id", gh.ClientId),
                ("client_secret", ValueRef.GitHubClientSecret(hub.Name)),
                ("oauth_callback_url", $"{hub.Url}/hub/oauth_callback"),
                ("allowed_organizations", gh.AllowedOrganizations.Concat(gh.AllowedTeams).ToList()),
                ("scope", gh.AllowedTeams.Count > 0 || gh.AllowedOrganizations.Count > 0 ? new List<object?> { "read:org" } : new List<object?>()));
            if (gh.AllowedUsers.Count > 0)
                authenticator["allowed_users"] = gh.AllowedUsers.ToList();
            config["GitHubOAuthenticator"] = github;
        }
        else if (hub.Auth.Dummy)
        {
            config["JupyterHub"] = Map(("authenticator_class", "dummy"));
            authenticator["allow_all"] = true;
        }
        config["Authenticator"] = authenticator;
        return config;
    }

    private static Dictionary<string, object?> ProxySection(HubSettings hub, bool local)
    {
        var service = local
            ? Map(("type", "ClusterIP"))
            : hub.StaticIp
                ? Map(("type", "LoadBalancer"), ("loadBalancerIP", ValueRef.StaticIp(hub.Name)))
                : Map(("type", "LoadBalancer"));
        var https = !hub.Https.Enabled
            ? Map(("enabled", false))
            : hub.Https.ExistingSecret is { } secret
                ? Map(("enabled", true), ("type", "secret"), ("hosts", new List<object?> { hub.Domain }), ("secret", Map(("name", secret))))
                : Map(("enabled", true), ("type", "letsencrypt"), ("hosts", new List<object?> { hub.Domain }), ("letsencrypt", Map(("contactEmail", hub.Https.LetsEncryptContact))));
        return Map(
            ("service", service),
            ("https", https),
            ("chp", Map(("networkPolicy", Map(("enabled", true))))),
            ("traefik", Map(("networkPolicy", Map(("enabled", true))))));
    }

    private static Dictionary<string, object?> SingleUserSection(HubSettings hub, ProfileSettings defaultProfile, string storageClass, bool local)
    {
        var section = Map(
            ("image", Map(("name", hub.Image.Name), ("tag", hub.Image.Tag))),
            ("cpu", Map(("guarantee", defaultProfile.CpuGuarantee), ("limit", defaultProfile.CpuLimit))),
            ("memory", Map(("guarantee", defaultProfile.MemoryGuarantee.ToKubeSpawner()), ("limit", defaultProfile.MemoryLimit.ToKubeSpawner()))),
            ("storage", Map(("capacity", hub.HomeStorage.ToQuantity()), ("dynamic", Map(("storageClass", storageClass))))),
            ("cloudMetadata", Map(("blockWithIptables", !local))),
            ("networkPolicy", Map(("enabled", true))),
            ("profileList", hub.Profiles.Select(p => (object?)Profile(p, local)).ToList()));
        if (hub.Workshop?.Content is { } content)
            WorkshopContentValues.Apply(content, section);
        return section;
    }

    /// <summary>One entry of <c>singleuser.profileList</c> (KubeSpawner's profile format).</summary>
    public static Dictionary<string, object?> Profile(ProfileSettings p, bool local)
    {
        var overrides = Map(
            ("cpu_guarantee", p.CpuGuarantee),
            ("cpu_limit", p.CpuLimit),
            ("mem_guarantee", p.MemoryGuarantee.ToKubeSpawner()),
            ("mem_limit", p.MemoryLimit.ToKubeSpawner()));
        if (!local)
            overrides["node_selector"] = Map((Labels.NodePool, p.NodePool));
        if (p.Image is { } image)
            overrides["image"] = image.ToString();
        if (p.GpusPerUser > 0)
            overrides["extra_resource_limits"] = Map(("nvidia.com/gpu", p.GpusPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Map(
            ("display_name", p.DisplayName),
            ("slug", p.Name),
            ("description", p.Description),
            ("default", p.Default),
            ("kubespawner_override", overrides));
    }

    /// <summary><c>prePuller.extraImages</c>: every profile's own image (the hub image is pulled by the chart) plus extras.</summary>
    private static Dictionary<string, object?> PrePullImages(HubSettings hub)
    {
        var images = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in hub.Profiles.Where(p => p.Image is not null && p.Image != hub.Image))
            images[$"profile-{p.Name}"] = Map(("name", p.Image!.Name), ("tag", p.Image.Tag));
        for (var i = 0; i < hub.ExtraImages.Count; i++)
            images[$"extra-{i}"] = Map(("name", hub.ExtraImages[i].Name), ("tag", hub.ExtraImages[i].Tag));
        return images;
    }
}
