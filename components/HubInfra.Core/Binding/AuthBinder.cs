using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Binding;

/// <summary>Binds a hub's <c>auth</c>: exactly one of github, accounts, sharedPassword or dummy.</summary>
public static class AuthBinder
{
    public static HubAuth Bind(ConfigReader hub, StackKind kind, bool workshop)
    {
        var auth = hub.Object("auth", required: kind != StackKind.Local,
            example: "auth: { github: { clientId: ..., allowedOrganizations: [my-org] } } and the secret with pulumi config set --secret --path 'hubs[0].auth.github.clientSecret'");
        if (auth is null)
            return new HubAuth(null, null, null, kind == StackKind.Local);

        GitHubAuthSettings? github = null;
        var gh = auth.Object("github");
        if (gh is not null)
        {
            var clientId = gh.String("clientId", required: true, example: "clientId: Iv1.0123456789abcdef") ?? "";
            var secret = gh.Secret("clientSecret", required: true) ?? new Secret(null, false);
            var orgs = gh.Strings("allowedOrganizations");
            var teams = gh.Strings("allowedTeams");
            var users = gh.Strings("allowedUsers");
            gh.RejectUnknown();
            github = new GitHubAuthSettings(clientId, secret, orgs, teams, users);
        }

        GeneratedAccounts? accounts = null;
        var acc = auth.Object("accounts");
        if (acc is not null)
        {
            var prefix = acc.Text("prefix", "student");
            var count = acc.BoundedInt("count", 1, ConfigLimits.AttendeesMax, " accounts", required: true, example: "40") ?? 0;
            var rotations = new Dictionary<string, int>(StringComparer.Ordinal);
            var rot = acc.Object("rotate");
            if (rot is not null)
            {
                foreach (var user in RawKeys(acc, "rotate"))
                    rotations[user] = rot.IntIn(user, 0, 0, ConfigLimits.RotationMax, " (raise it by one to give the seat a new password)");
                rot.RejectUnknown();
            }
            acc.RejectUnknown();
            accounts = new GeneratedAccounts(prefix, count, rotations);
        }

        SharedPassword? shared = null;
        var sp = auth.Object("sharedPassword");
        if (sp is not null)
        {
            shared = new SharedPassword(sp.IntIn("rotation", 0, 0, ConfigLimits.RotationMax, " (raise it by one for a new password)")) { Groups = sp.Strings("groups") };
            sp.RejectUnknown();
        }

        var dummy = auth.Bool("dummy", false);
        auth.RejectUnknown();

        var modes = new[] { github is not null, accounts is not null, shared is not null, dummy }.Count(x => x);
        if (modes == 0)
            hub.Error("auth", workshop
                ? "set one of auth.github, auth.accounts, auth.sharedPassword"
                : "set auth.github (GitHub OAuth)" + (kind == StackKind.Local ? " or auth.dummy: true" : ""));
        else if (modes > 1)
            hub.Error("auth", "set exactly one of auth.github, auth.accounts, auth.sharedPassword, auth.dummy");
        if ((accounts is not null || shared is not null) && !workshop)
            hub.Error("auth", "generated accounts and shared passwords are for workshop hubs of event stacks (hubinfra:event.workshop); use auth.github on a community hub");
        if (dummy && kind != StackKind.Local)
            hub.Error("auth.dummy", "the dummy authenticator lets anyone in; remove it, or use it only in local stacks (hubinfra:kind: local)");

        return new HubAuth(github, accounts, shared, dummy);
    }

    private static IEnumerable<string> RawKeys(ConfigReader parent, string key) => parent.ChildKeys(key);
}
