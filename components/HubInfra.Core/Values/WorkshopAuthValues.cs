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

    /// <summary>The <c>hub.extraConfig</c> key of the generated-accounts authenticator.</summary>
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
            ExtraConfig(hubSection)[SharedPasswordConfigKey] = HubPython.WorkshopSharedPassword;
        }
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
