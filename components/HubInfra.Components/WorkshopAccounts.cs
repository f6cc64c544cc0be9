using System.Text.Json;
using HubInfra.Core.Model;
using HubInfra.Core.Values;
using Pulumi;
using K8s = Pulumi.Kubernetes;
using Random = Pulumi.Random;

namespace HubInfra.Components;

/// <summary>
/// The accounts of a workshop hub. Generated accounts: one random password per user, replaced only when that user's
/// rotation or the workshop's generation changes; the cluster receives only their bcrypt hashes (Secret
/// <see cref="WorkshopAuthValues.AccountsSecret"/>); the organizer's roster is a secret output. Shared password:
/// one user and one admin password in the Secret <see cref="WorkshopAuthValues.SharedPasswordSecret"/>.
/// </summary>
public sealed class WorkshopAccounts : HubInfraComponent
{
    /// <param name="options">Parented to the workshop's <see cref="HubRelease"/> (it used to sit at the stack's root, hence
    /// the alias without parent); waits for the hub's namespace.</param>
    public WorkshopAccounts(string name, WorkshopAccountsArgs args, ComponentResourceOptions options)
        : base(nameof(WorkshopAccounts), name, options, new Alias { Type = "hubinfra:workshop:Accounts", NoParent = true })
    {
        var hub = args.Hub;
        var child = Child();
        var generation = (hub.Workshop?.Generation ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaArgs { Namespace = hub.Namespace };

        if (hub.Auth.Accounts is { } accounts)
        {
            foreach (var user in accounts.Usernames)
            {
                Passwords[user] = new Random.RandomPassword($"{name}-{user}", new Random.RandomPasswordArgs
                {
                    Length = 16,
                    Special = false,
                    Keepers =
                    {
                        { "generation", generation },
                        { "rotation", accounts.RotationOf(user).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    },
                }, child);
            }
            var hashes = Output.All(Passwords.Select(kv => kv.Value.BcryptHash.Apply(h => (kv.Key, h))))
                .Apply(pairs => JsonSerializer.Serialize(pairs.ToDictionary(p => p.Key, p => p.h)));
            metadata.Name = WorkshopAuthValues.AccountsSecret;
            Secret = new K8s.Core.V1.Secret(WorkshopAuthValues.AccountsSecret, new K8s.Types.Inputs.Core.V1.SecretArgs
            {
                Metadata = metadata,
                StringData = { { WorkshopAuthValues.HashesKey, Output.CreateSecret(hashes) } },
            }, child);
            Roster = Output.CreateSecret(Output.All(Passwords.Select(kv => kv.Value.Result.Apply(p => (kv.Key, p))))
                .Apply(rows => WorkshopRoster.Csv(hub, rows.Select(r => (r.Key, r.p)))));
        }
        else if (hub.Auth.Shared is { } shared)
        {
            var keepers = new InputMap<string>
            {
                { "generation", generation },
                { "rotation", shared.Rotation.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            var admin = new Random.RandomPassword($"{name}-admin", new Random.RandomPasswordArgs { Length = 40, Special = false, Keepers = keepers }, child);
            Passwords["admin"] = admin;
            var stringData = new InputMap<string> { { WorkshopAuthValues.AdminPasswordKey, admin.Result } };
            Output<string> roster;
            if (shared.Groups.Count > 0)
            {
                // One password per group (parallel sessions): SharedPasswordAuthenticator.password_groups.
                foreach (var group in shared.Groups)
                    Passwords[$"group-{group}"] = new Random.RandomPassword($"{name}-group-{group}", new Random.RandomPasswordArgs { Length = 20, Special = false, Keepers = keepers }, child);
                var groups = Output.All(shared.Groups.Select(g => Passwords[$"group-{g}"].Result.Apply(p => (Group: g, Password: p)))).Apply(rows => rows.ToList());
                stringData.Add(WorkshopAuthValues.PasswordGroupsKey,
                    groups.Apply(rows => JsonSerializer.Serialize(rows.ToDictionary(r => r.Password, r => new[] { r.Group }))));
                roster = Output.Tuple(groups, admin.Result).Apply(t => WorkshopRoster.Csv(hub,
                    t.Item1.Select(r => ($"(group {r.Group})", r.Password)).Append(("(admins)", t.Item2))));
            }
            else
            {
                var user = new Random.RandomPassword($"{name}-user", new Random.RandomPasswordArgs { Length = 20, Special = false, Keepers = keepers }, child);
                Passwords["user"] = user;
                stringData.Add(WorkshopAuthValues.UserPasswordKey, user.Result);
                roster = Output.Tuple(user.Result, admin.Result).Apply(t => WorkshopRoster.Csv(hub, [("(any name)", t.Item1), ("(admins)", t.Item2)]));
            }
            metadata.Name = WorkshopAuthValues.SharedPasswordSecret;
            Secret = new K8s.Core.V1.Secret(WorkshopAuthValues.SharedPasswordSecret, new K8s.Types.Inputs.Core.V1.SecretArgs
            {
                Metadata = metadata,
                StringData = stringData,
            }, child);
            Roster = Output.CreateSecret(roster);
        }
        else
        {
            Roster = Output.CreateSecret("");
        }
        RegisterOutputs(new Dictionary<string, object?> { ["roster"] = Roster });
    }

    public Dictionary<string, Random.RandomPassword> Passwords { get; } = new(StringComparer.Ordinal);

    public K8s.Core.V1.Secret? Secret { get; }

    /// <summary>CSV <c>username,password,url</c> (<see cref="WorkshopRoster"/>), a secret: <c>pulumi stack output roster --show-secrets</c>.</summary>
    public Output<string> Roster { get; }
}
