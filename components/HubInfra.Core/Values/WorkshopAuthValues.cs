using HubInfra.Core.Model;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Values;

/// <summary>
/// Hub values for workshop accounts. Generated accounts: the hub reads bcrypt hashes from the Kubernetes Secret
/// <see cref="AccountsSecret"/> (key <see cref="HashesKey"/>, a JSON object user → hash) and checks passwords
/// against them; no password is in the values. Shared password: JupyterHub's SharedPasswordAuthenticator reads
/// both passwords from environment variables filled from the Secret <see cref="SharedPasswordSecret"/>.
/// </summary>
public static class WorkshopAuthValues
{
    public const string AccountsSecret = "workshop-accounts";
    public const string HashesKey = "hashes.json";
    public const string MountPath = "/etc/hubinfra/accounts";
    public const string SharedPasswordSecret = "workshop-shared-password";
    public const string UserPasswordKey = "user-password";
    public const string AdminPasswordKey = "admin-password";

    /// <summary>The authenticator for generated accounts, added to the hub with <c>hub.extraConfig</c>.</summary>
    public const string AccountsAuthenticatorPython = """
        import json
        import bcrypt
        from jupyterhub.auth import Authenticator


        class WorkshopAccountsAuthenticator(Authenticator):
            # Checks a password against the bcrypt hash in the workshop-accounts Secret (re-read on each login,
            # so a rotated seat works as soon as Kubernetes updates the mounted file).
            async def authenticate(self, handler, data):
                with open("/etc/hubinfra/accounts/hashes.json") as f:
                    hashes = json.load(f)
                username = (data or {}).get("username", "")
                password = (data or {}).get("password", "")
                stored = hashes.get(username)
                if stored and bcrypt.checkpw(password.encode(), stored.encode()):
                    return username
                return None


        c.JupyterHub.authenticator_class = WorkshopAccountsAuthenticator
        """;

    public const string SharedPasswordPython = """
        import os

        c.JupyterHub.authenticator_class = "shared-password"
        c.SharedPasswordAuthenticator.user_password = os.environ["WORKSHOP_USER_PASSWORD"]
        c.SharedPasswordAuthenticator.admin_password = os.environ["WORKSHOP_ADMIN_PASSWORD"]
        """;

    public static void Apply(HubSettings hub, Dictionary<string, object?> hubSection)
    {
        var config = (Dictionary<string, object?>)hubSection["config"]!;
        var authenticator = (Dictionary<string, object?>)config["Authenticator"]!;
        if (hub.Auth.Accounts is { } accounts)
        {
            authenticator["allowed_users"] = accounts.Usernames.ToList();
            hubSection["extraVolumes"] = new List<object?> { Map(("name", AccountsSecret), ("secret", Map(("secretName", AccountsSecret)))) };
            hubSection["extraVolumeMounts"] = new List<object?> { Map(("name", AccountsSecret), ("mountPath", MountPath), ("readOnly", true)) };
            hubSection["extraConfig"] = Map(("hubinfra-workshop-accounts", AccountsAuthenticatorPython));
        }
        else if (hub.Auth.Shared is not null)
        {
            authenticator["allow_all"] = true;
            hubSection["extraEnv"] = Map(
                ("WORKSHOP_USER_PASSWORD", SecretEnv(UserPasswordKey)),
                ("WORKSHOP_ADMIN_PASSWORD", SecretEnv(AdminPasswordKey)));
            hubSection["extraConfig"] = Map(("hubinfra-workshop-shared-password", SharedPasswordPython));
        }
    }

    private static Dictionary<string, object?> SecretEnv(string key) =>
        Map(("valueFrom", Map(("secretKeyRef", Map(("name", SharedPasswordSecret), ("key", key))))));
}
