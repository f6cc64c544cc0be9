using HubInfra.Core.Config;

namespace HubInfra.Core.Model;

/// <summary>HTTPS for a hub: Let's Encrypt (contact e-mail) or a TLS secret that already exists in the namespace.</summary>
public sealed record HttpsSettings(bool Enabled, string? LetsEncryptContact, string? ExistingSecret);

/// <summary>A choice on the hub's spawn page, mapped to a user node pool with CPU/memory guarantee and limit.</summary>
public sealed record ProfileSettings(
    string Name,
    string DisplayName,
    string Description,
    string NodePool,
    double CpuGuarantee,
    double CpuLimit,
    Memory MemoryGuarantee,
    Memory MemoryLimit,
    ImageRef? Image,
    bool Default,
    int GpusPerUser,
    string Key)
{
    /// <summary>True when seats can be planned for the profile: positive, finite guarantees (seats per node divide by them).</summary>
    public bool IsPlannable => CpuGuarantee > 0 && double.IsFinite(CpuGuarantee) && MemoryGuarantee.Bytes > 0;
}

/// <summary>JupyterHub's idle culler (z2jh <c>cull</c>).</summary>
public sealed record CullSettings(bool Enabled, int TimeoutSeconds, int EverySeconds, int MaxAgeSeconds);

/// <summary>GitHub OAuth (OAuthenticator's GitHubOAuthenticator).</summary>
/// <param name="AllowedTeams">Teams as <c>org:team</c>; needs the <c>read:org</c> scope.</param>
public sealed record GitHubAuthSettings(
    string ClientId,
    Secret ClientSecret,
    IReadOnlyList<string> AllowedOrganizations,
    IReadOnlyList<string> AllowedTeams,
    IReadOnlyList<string> AllowedUsers);

/// <summary>How people log in to a hub. Exactly one mode is set.</summary>
public sealed record HubAuth(GitHubAuthSettings? GitHub, GeneratedAccounts? Accounts, SharedPassword? Shared, bool Dummy);

/// <summary>One JupyterHub: its namespace, Helm release of the z2jh chart, and its users' view of it.</summary>
public sealed record HubSettings(
    string Name,
    string Namespace,
    string Domain,
    HttpsSettings Https,
    bool StaticIp,
    string ChartVersion,
    ImageRef Image,
    IReadOnlyList<ProfileSettings> Profiles,
    Memory HomeStorage,
    CullSettings Cull,
    IReadOnlyList<string> AdminUsers,
    HubAuth Auth,
    IReadOnlyList<ImageRef> ExtraImages,
    bool PodPriority,
    string Key)
{
    /// <summary>Set for a workshop hub of an event: data and accounts that live as long as the event stack.</summary>
    public WorkshopSettings? Workshop { get; init; }

    /// <summary>Login-storm settings set on the hub (<c>loginStorm</c>); null: the chart's defaults.</summary>
    public HubStormSettings? Storm { get; init; }

    public string HelmReleaseName => Name;

    public string Url => Https.Enabled ? $"https://{Domain}" : $"http://{Domain}";
}
