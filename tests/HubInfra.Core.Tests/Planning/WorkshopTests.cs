using System.Runtime.CompilerServices;
using HubInfra.Core.Hub;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using HubInfra.Core.Stacks;
using HubInfra.Core.Kubernetes;
using HubInfra.Core.Yaml;

namespace HubInfra.Core.Tests.Planning;

public class WorkshopTests
{
    private const string Workshop = """
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: community-small
            timeZone: Europe/London
            attendees: 40
            windows: [ { start: 2027-04-20T13:00, end: 2027-04-20T17:30 } ]
            workshop:
              generation: 1
              content: { repository: "https://github.com/org/workshop", openFirst: README.ipynb }
              hub:
                name: ws
                domain: ws.example.org
                https: { letsEncryptContact: a@example.org }
                image: { name: quay.io/jupyter/scipy-notebook, tag: "2025-03-14" }
                profiles:
                  - { name: workshop, nodePool: user, cpu: { guarantee: 0.5, limit: 1 }, memory: { guarantee: 2G, limit: 3G } }
                auth:
                  accounts: { prefix: student, count: 40 }
        """;

    private sealed record Loaded(LoadedStack Stack);

    private static Loaded Load(string yaml) => new(TestStacks.Inline(yaml, "ws-event", TestStacks.Examples().Community));

    [Fact]
    public void The_example_workshop_validates_and_plans_forty_seats_on_the_community_pool()
    {
        var loaded = TestStacks.Example("workshop-2027");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var plan = loaded.Plan!;
        Assert.Equal(40, plan.PeakSeats);
        Assert.Equal("workshop-g1", plan.Namespace);
        Assert.NotNull(plan.WorkshopHub);
        Assert.False(plan.WorkshopHub!.Protect);
        Assert.Equal(StorageClasses.Delete, plan.WorkshopHub.StorageClass);
    }

    [Fact]
    public void Workshop_values_hold_usernames_and_a_secret_mount_but_no_password()
    {
        var loaded = Load(Workshop).Stack;
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var plan = loaded.Plan!;
        var yaml = ValuesYaml.Serialize(plan.WorkshopHub!.Values);
        Assert.Contains("- student001", yaml);
        Assert.Contains("- student040", yaml);
        Assert.Contains("secretName: workshop-accounts", yaml);
        Assert.Contains("bcrypt.checkpw", yaml);
        Assert.DoesNotContain("password:", yaml.ToLowerInvariant().Replace("\"password\"", ""));
        Assert.Contains("defaultUrl: /lab/tree/workshop/README.ipynb", yaml);
        Assert.Contains("storageClass: hubinfra-delete", yaml);
    }

    [Fact]
    public void Raising_the_generation_moves_the_workshop_to_a_new_namespace()
    {
        var loaded = Load(Workshop.Replace("generation: 1", "generation: 2")).Stack;
        Assert.Equal("ws-g2", loaded.Event!.WorkshopHub!.Namespace);
    }

    [Theory]
    [InlineData("count: 40", "count: 0", "hubinfra:event.workshop.hub.auth.accounts.count", "at least 1")]
    [InlineData("count: 40", "count: 41", "hubinfra:event.workshop.hub.auth.accounts.count", "warms 40 seats")]
    [InlineData("prefix: student", "prefix: Stu-dent", "hubinfra:event.workshop.hub.auth.accounts.prefix", "lowercase")]
    [InlineData("domain: ws.example.org", "domain: hub.open-science.example.org", "hubinfra:event.workshop.hub.domain", "community hub 'main'")]
    [InlineData("https://github.com/org/workshop", "http://github.com/org/workshop", "hubinfra:event.workshop.content.repository", "https://")]
    [InlineData("accounts: { prefix: student, count: 40 }", "github: { clientId: x, clientSecret: { secure: v1:x } }", "hubinfra:event.workshop.hub.auth.github.allowedUsers", "allowedUsers")]
    [InlineData("name: ws", "name: main", "hubinfra:event.workshop.hub.name", "community hub")]
    public void Bad_workshop_input_is_reported_at_its_key(string find, string replace, string key, string fragment)
    {
        var loaded = Load(Workshop.Replace(find, replace)).Stack;
        Assert.Contains(loaded.Errors, e => e.Key == key && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Rotation_of_one_seat_is_bound_per_user_and_an_unknown_user_is_refused()
    {
        var loaded = Load(Workshop.Replace("count: 40 }", "count: 40, rotate: { student007: 2, student099: 1 } }")).Stack;
        var accounts = loaded.Event!.WorkshopHub!.Auth.Accounts!;
        Assert.Equal(2, accounts.RotationOf("student007"));
        Assert.Equal(0, accounts.RotationOf("student008"));
        Assert.Contains(loaded.Errors, e => e.Key == "hubinfra:event.workshop.hub.auth.accounts.rotate.student099");
    }

    private static Dictionary<string, object?> HubSection(LoadedStack loaded) =>
        (Dictionary<string, object?>)loaded.Plan!.WorkshopHub!.Values["hub"]!;

    private static Dictionary<string, object?> Cull(LoadedStack loaded) =>
        (Dictionary<string, object?>)loaded.Plan!.WorkshopHub!.Values["cull"]!;

    [Fact]
    public void MaxServerAgeHours_becomes_the_cullers_maxAge()
    {
        Assert.Equal(6 * 3600, Cull(TestStacks.Example("workshop-2027"))["maxAge"]);
        Assert.Equal(3 * 3600, Cull(Load(Workshop.Replace("generation: 1", "generation: 1\n      maxServerAgeHours: 3")).Stack)["maxAge"]);
        Assert.Equal(8 * 3600, Cull(Load(Workshop).Stack)["maxAge"]); // the workshop default
        Assert.Equal(0, Cull(Load(Workshop.Replace("generation: 1", "generation: 1\n      maxServerAgeHours: 0")).Stack)["maxAge"]);
    }

    [Fact]
    public void MaxServerAgeHours_and_the_hubs_own_maxAgeSeconds_together_are_refused()
    {
        var loaded = Load(Workshop.Replace("generation: 1", "generation: 1\n      maxServerAgeHours: 3")
            .Replace("        auth:", "        culling: { maxAgeSeconds: 600 }\n        auth:")).Stack;
        Assert.Contains(loaded.Errors, e => e.Key == "hubinfra:event.workshop.maxServerAgeHours" && e.Message.Contains("maxAgeSeconds", StringComparison.Ordinal));
        var negative = Load(Workshop.Replace("generation: 1", "generation: 1\n      maxServerAgeHours: -1")).Stack;
        Assert.Contains(negative.Errors, e => e.Key == "hubinfra:event.workshop.maxServerAgeHours");
    }

    [Fact]
    public void Admins_who_are_not_seats_get_generated_accounts_and_may_log_in()
    {
        var loaded = Load(Workshop.Replace("        auth:", "        adminUsers: [instructor, student002]\n        auth:")).Stack;
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var accounts = loaded.Event!.WorkshopHub!.Auth.Accounts!;
        Assert.Equal(["instructor"], accounts.Admins);
        Assert.Equal(41, accounts.Usernames.Count);
        Assert.Equal("instructor", accounts.Usernames[^1]);
        var allowed = (List<string>)((Dictionary<string, object?>)((Dictionary<string, object?>)HubSection(loaded)["config"]!)["Authenticator"]!)["allowed_users"]!;
        Assert.Contains("instructor", allowed);
        Assert.Contains("student002", allowed);
        var rotated = Load(Workshop.Replace("        auth:", "        adminUsers: [instructor]\n        auth:")
            .Replace("count: 40 }", "count: 40, rotate: { instructor: 1 } }")).Stack;
        Assert.False(rotated.HasErrors, string.Join("\n", rotated.Errors));
    }

    [Theory]
    [InlineData("Instructor")]
    [InlineData("ann smith")]
    [InlineData("a,b")]
    public void An_admin_name_JupyterHub_would_change_or_the_roster_cannot_hold_is_refused(string admin)
    {
        var loaded = Load(Workshop.Replace("        auth:", $"        adminUsers: [\"{admin}\"]\n        auth:")).Stack;
        Assert.Contains(loaded.Errors, e => e.Key == "hubinfra:event.workshop.hub.adminUsers[0]" && e.Message.Contains("lowercase", StringComparison.Ordinal));
    }

    private const string Groups = "sharedPassword: { groups: [morning, afternoon] }";

    [Fact]
    public void Shared_password_groups_give_one_password_per_group_and_no_common_password()
    {
        var loaded = Load(Workshop.Replace("accounts: { prefix: student, count: 40 }", Groups)).Stack;
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        Assert.Equal(["morning", "afternoon"], loaded.Event!.WorkshopHub!.Auth.Shared!.Groups);
        var hub = HubSection(loaded);
        var env = (Dictionary<string, object?>)hub["extraEnv"]!;
        Assert.Equal(["WORKSHOP_ADMIN_PASSWORD", "WORKSHOP_PASSWORD_GROUPS"], env.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("password-groups.json", ValuesYaml.Serialize(env));
        Assert.Equal(HubPython.WorkshopSharedPassword, ((Dictionary<string, object?>)hub["extraConfig"]!)[WorkshopAuthValues.SharedPasswordConfigKey]);
        Assert.Contains("password_groups", HubPython.WorkshopSharedPassword);
    }

    [Theory]
    [InlineData("groups: [morning, afternoon]", "groups: [morning, morning]", "hubinfra:event.workshop.hub.auth.sharedPassword.groups[1]", "twice")]
    [InlineData("groups: [morning, afternoon]", "groups: [Morning]", "hubinfra:event.workshop.hub.auth.sharedPassword.groups[0]", "lowercase")]
    [InlineData("name: ws", "name: ws\n        chartVersion: 4.3.5", "hubinfra:event.workshop.hub.chartVersion", "JupyterHub 5.5")]
    public void Bad_shared_password_groups_are_reported_at_their_key(string find, string replace, string key, string fragment)
    {
        var loaded = Load(Workshop.Replace("accounts: { prefix: student, count: 40 }", Groups).Replace(find, replace)).Stack;
        Assert.Contains(loaded.Errors, e => e.Key == key && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void The_roster_is_csv_with_the_nbgitpuller_link_that_opens_the_first_notebook()
    {
        var hub = TestStacks.Example("workshop-2027").Event!.WorkshopHub!;
        var csv = WorkshopRoster.Csv(hub, [("student001", "abc"), ("instructor", "x,y")]);
        const string link = "https://workshop.open-science.example.org/hub/user-redirect/git-pull" +
            "?repo=https%3A%2F%2Fgithub.com%2Fopen-science-example%2Fintro-python-workshop&branch=main" +
            "&urlpath=lab%2Ftree%2Fintro-python-workshop%2FREADME.ipynb";
        Assert.Equal($"username,password,url\nstudent001,abc,{link}\ninstructor,\"x,y\",{link}\n", csv);
    }

    [Fact]
    public void Path_and_openFirst_are_inside_the_repositorys_folder_in_the_home()
    {
        var withPath = Load(Workshop.Replace("openFirst: README.ipynb", "path: lessons/day1, openFirst: 01-intro.ipynb")).Stack.Event!.WorkshopHub!;
        Assert.Equal("/lab/tree/workshop/lessons/day1/01-intro.ipynb", WorkshopContentValues.DefaultUrl(withPath.Workshop!.Content!));
        Assert.EndsWith("&urlpath=lab%2Ftree%2Fworkshop%2Flessons%2Fday1%2F01-intro.ipynb", WorkshopRoster.Url(withPath));
        var noContent = Load(Workshop.Replace("      content: { repository: \"https://github.com/org/workshop\", openFirst: README.ipynb }\n", "")).Stack.Event!.WorkshopHub!;
        Assert.Null(noContent.Workshop!.Content);
        Assert.Equal("https://ws.example.org/hub/login", WorkshopRoster.Url(noContent));
    }

    [Fact]
    public void The_hub_runs_the_python_files_of_the_source_tree_verbatim()
    {
        var dir = Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "..", "..", "components", "HubInfra.Core", "Hub");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "workshop_accounts.py")).Replace("\r\n", "\n", StringComparison.Ordinal), HubPython.WorkshopAccounts);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "workshop_shared_password.py")).Replace("\r\n", "\n", StringComparison.Ordinal), HubPython.WorkshopSharedPassword);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "login_throttle.py")).Replace("\r\n", "\n", StringComparison.Ordinal), HubPython.LoginThrottle);
        var extra = (Dictionary<string, object?>)HubSection(Load(Workshop).Stack)["extraConfig"]!;
        Assert.Equal(HubPython.WorkshopAccounts, extra[WorkshopAuthValues.AccountsConfigKey]);
        Assert.Equal(HubPython.LoginThrottle, extra[WorkshopAuthValues.ThrottleConfigKey]);
    }

    [Theory]
    [InlineData("accounts: { prefix: student, count: 40 }", WorkshopAuthValues.AccountsConfigKey)]
    [InlineData(Groups, WorkshopAuthValues.SharedPasswordConfigKey)]
    public void Both_workshop_authenticators_run_after_the_login_throttle_they_derive_from(string auth, string key)
    {
        var loaded = Load(Workshop.Replace("accounts: { prefix: student, count: 40 }", auth)).Stack;
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var extra = (Dictionary<string, object?>)HubSection(loaded)["extraConfig"]!;
        // z2jh runs hub.extraConfig sorted by key, in one module's globals: the throttle's class must exist first.
        var order = extra.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(order.IndexOf(WorkshopAuthValues.ThrottleConfigKey) < order.IndexOf(key), string.Join(", ", order));
        Assert.Contains("(ThrottledAuthenticator, ", (string)extra[key]!);
    }

    [Theory]
    [InlineData("https: { letsEncryptContact: a@example.org }", 2)] // autohttps: Traefik, then configurable-http-proxy
    [InlineData("https: { existingSecret: ws-tls }", 1)]          // configurable-http-proxy terminates TLS itself
    [InlineData("https: { enabled: false }", 1)]
    public void The_throttle_reads_the_client_address_where_the_first_proxy_appended_it(string https, int hops)
    {
        var loaded = Load(Workshop.Replace("https: { letsEncryptContact: a@example.org }", https)).Stack;
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var config = (Dictionary<string, object?>)HubSection(loaded)["config"]!;
        var throttle = (Dictionary<string, object?>)config[WorkshopAuthValues.ThrottleConfigSection]!;
        Assert.Equal(hops, throttle["client_address_hops"]);
    }

    [Fact]
    public void A_workshop_hubs_proxy_service_keeps_client_addresses_and_a_community_hubs_is_left_alone()
    {
        var loaded = TestStacks.Example("workshop-2027");
        var plan = loaded.Plan!;
        Assert.Equal(new ProxyServicePatch("workshop-g1", "proxy-public", "Local"), ProxyServicePatch.For(plan.WorkshopHub!));
        // The chart creates the Service the patch names, and its values cannot set the field themselves.
        Assert.Contains(ChartObjects.CreatedFor(plan.WorkshopHub!.ReleaseName, plan.WorkshopHub.Values), c => c.Name == "proxy-public");
        var service = (Dictionary<string, object?>)((Dictionary<string, object?>)plan.WorkshopHub.Values["proxy"]!)["service"]!;
        Assert.DoesNotContain("externalTrafficPolicy", service.Keys);
        var community = TestStacks.Example("community-small").Community!;
        Assert.All(community.Hubs, h => Assert.Null(ProxyServicePatch.For(HubPlan.From(h, community))));
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
