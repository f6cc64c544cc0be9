using HubInfra.Core.Hub;
using HubInfra.Core.Model;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Values;

/// <summary>
/// Hub values for workshop accounts. Generated accounts: the hub reads bcrypt hashes from the Kubernetes Secret
/// <see cref="AccountsSecret"/> (key <see cref="HashesKey"/>, a JSON object user → hash) and checks passwords
/// against them (<c>Hub/workshop_accounts.py</c>); no password is in the values. Shared password: JupyterHub's
/// SharedPasswordAuthenticator reads the passwords from environment variables filled from the Secret
/// <see cref="SharedPasswordSecret"/> (<c>Hub/workshop_shared_password.py</c>).
/// </summary>
public static class WorkshopAuthValues
{
    public const string AccountsSecret = "workshop-accounts";
    public const string HashesKey = "hashes.json";
    public const string MountPath = "/etc/hubinfra/accounts";
    public const string SharedPasswordSecret = "workshop-shared-password";
    public const string UserPasswordKey = "user-password";
    public const string AdminPasswordKey = "admin-password";

    /// <summary>Key of <see cref="SharedPasswordSecret"/> holding JSON <c>{password: [group]}</c>, one password per group.</summary>
    public const string PasswordGroupsKey = "password-groups.json";

    /// <summary>
    /// The <c>hub.extraConfig</c> key of the login throttle both workshop authenticators derive from. z2jh's
    /// jupyterhub_config.py runs the entries sorted by key in one module's globals: this key sorts before
    /// <see cref="AccountsConfigKey"/> and <see cref="SharedPasswordConfigKey"/>, which use the class it defines.
    /// </summary>
    public const string ThrottleConfigKey = "hubinfra-login-throttle";

    /// <summary>The <c>hub.config</c> section of the throttle's settings (the Python base class's name).</summary>
    public const string ThrottleConfigSection = "ThrottledAuthenticator";

    /// <summary>The generated-accounts authenticator's <c>hub.extraConfig</c> key.</summary>
    public const string AccountsConfigKey = "hubinfra-workshop-accounts";

    /// <summary>The <c>hub.extraConfig</c> key of the shared-password configuration.</summary>
    public const string SharedPasswordConfigKey = "hubinfra-workshop-shared-password";

    public static void Apply(HubSettings hub, Dictionary<string, object?> hubSection)
    {
        var config = (Dictionary<string, object?>)hubSection["config"]!;
        var authenticator = (Dictionary<string, object?>)config["Authenticator"]!;
        if (hub.Auth.Accounts is { } accounts)
        {
            authenticator["allowed_users"] = accounts.Usernames.ToList();
            hubSection["extraVolumes"] = new List<object?> { Map(("name", AccountsSecret), ("secret", Map(("secretName", AccountsSecret)))) };
            hubSection["extraVolumeMounts"] = new List<object?> { Map(("name", AccountsSecret), ("mountPath", MountPath), ("readOnly", true)) };
            ExtraConfig(hubSection)[ThrottleConfigKey] = HubPython.LoginThrottle;
            ExtraConfig(hubSection)[AccountsConfigKey] = HubPython.WorkshopAccounts;
        }
        else if (hub.Auth.Shared is { } shared)
        {
            authenticator["allow_all"] = true;
            var env = Map(("WORKSHOP_ADMIN_PASSWORD", SecretEnv(AdminPasswordKey)));
            if (shared.Groups.Count > 0)
                env["WORKSHOP_PASSWORD_GROUPS"] = SecretEnv(PasswordGroupsKey);
            else
                env["WORKSHOP_USER_PASSWORD"] = SecretEnv(UserPasswordKey);
            hubSection["extraEnv"] = env;
            ExtraConfig(hubSection)[ThrottleConfigKey] = HubPython.LoginThrottle;
            ExtraConfig(hubSection)[SharedPasswordConfigKey] = HubPython.WorkshopSharedPassword;
        }
    }

    /// <summary>
    /// Tells the login throttle how many proxies append to <c>X-Forwarded-For</c> in front of the hub, from the
    /// rendered <c>proxy.https</c> values and the chart's own condition for autohttps
    /// (z2jh 4.4.0 <c>jupyterhub/templates/proxy/service.yaml</c>: <c>$autoHTTPS</c> = <c>https.enabled</c> and
    /// <c>https.type</c> is <c>letsencrypt</c> and <c>https.hosts</c> is not empty): with autohttps, Traefik then
    /// configurable-http-proxy (2); otherwise configurable-http-proxy alone (1). Nothing for hubs without the throttle.
    /// </summary>
    public static void ApplyClientAddressHops(Dictionary<string, object?> values)
    {
        if (values.GetValueOrDefault("hub") is not Dictionary<string, object?> hubSection
            || hubSection.GetValueOrDefault("extraConfig") is not Dictionary<string, object?> extra
            || !extra.ContainsKey(ThrottleConfigKey))
            return;
        var https = (values.GetValueOrDefault("proxy") as Dictionary<string, object?>)?.GetValueOrDefault("https") as Dictionary<string, object?>;
        var autoHttps = https is not null
            && https.GetValueOrDefault("enabled") is true
            && https.GetValueOrDefault("type") is "letsencrypt"
            && https.GetValueOrDefault("hosts") is List<object?> { Count: > 0 };
        var config = (Dictionary<string, object?>)hubSection["config"]!;
        config[ThrottleConfigSection] = Map(("client_address_hops", autoHttps ? 2 : 1));
    }

    /// <summary><c>hub.extraConfig</c>, shared with other settings of the hub (z2jh runs its entries sorted by key).</summary>
    private static Dictionary<string, object?> ExtraConfig(Dictionary<string, object?> hubSection)
    {
        if (hubSection.TryGetValue("extraConfig", out var existing) && existing is Dictionary<string, object?> map)
            return map;
        var created = new Dictionary<string, object?>(StringComparer.Ordinal);
        hubSection["extraConfig"] = created;
        return created;
    }

    private static Dictionary<string, object?> SecretEnv(string key) =>
        Map(("valueFrom", Map(("secretKeyRef", Map(("name", SharedPasswordSecret), ("key", key))))));
}
