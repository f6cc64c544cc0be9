using System.Collections.Immutable;
using HubInfra.Core.Config;
using HubInfra.Testing;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace HubInfra.Components.Tests;

public class EventStackTests
{
    private static ImmutableDictionary<string, object> Map(object? value) => (ImmutableDictionary<string, object>)value!;

    private static ImmutableArray<object> List(object? value) => (ImmutableArray<object>)value!;

    /// <summary>What the community stack exports, as the StackReference sees it.</summary>
    private static Mocks WithCommunity(string community) => new(ImmutableDictionary<string, object>.Empty
        .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config(community))!.ToJson())
        .Add("kubeconfig", "apiVersion: v1\nkind: Config\n")
        .Add("clusterName", "open-science")
        .Add("clusterLocation", "us-central1"));

    /// <summary>The event's plan as the program makes it, from the same stack files.</summary>
    private static HubInfra.Core.Planning.EventPlan PlanOf(string community, string stack)
    {
        var target = HubInfra.Core.Binding.CommunityBinder.Bind(StackRun.Config(community), []);
        var loaded = HubInfra.Core.Stacks.StackLoader.Load(StackRun.Config(stack), name => name == community ? target : null);
        return loaded.Plan!;
    }

    [Fact]
    public async Task A_community_contract_of_another_version_stops_the_event_before_any_resource_naming_both_stacks()
    {
        var contract = HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config("community-small"))!.ToJson()
            .Replace($"\"version\": {HubInfra.Core.Planning.CommunityContract.CurrentVersion}", $"\"version\": {HubInfra.Core.Planning.CommunityContract.CurrentVersion + 1}");
        var mocks = new Mocks(ImmutableDictionary<string, object>.Empty
            .Add(HubInfra.Core.Planning.CommunityContract.OutputName, contract)
            .Add("kubeconfig", "apiVersion: v1\nkind: Config\n"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(mocks, StackRun.Config("hackathon-2027")));
        var current = HubInfra.Core.Planning.CommunityContract.CurrentVersion;
        Assert.Contains($"community stack community-small exports its contract in version {current + 1}, and event stack hackathon-2027 reads version {current}", error.ToString());
        Assert.DoesNotContain(mocks.Registered, r => (r.Type ?? "").StartsWith("kubernetes:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_event_applies_exactly_the_manifests_render_writes_as_one_config_group()
    {
        var mocks = WithCommunity("community-small");
        var (_, outputs) = await StackRun.RunAsync(mocks, StackRun.Config("hackathon-2027"));
        var group = mocks.Single("kubernetes:yaml/v2:ConfigGroup", "hackathon-2027").Inputs;
        var yaml = (string)group["yaml"];
        Assert.Equal(HubInfra.Core.Planning.EventManifests.Yaml(PlanOf("community-small", "hackathon-2027")), yaml);
        Assert.Contains("kind: PriorityClass", yaml);
        Assert.Contains("name: hackathon-2027-placeholder-priority", yaml);
        Assert.Contains("preemptionPolicy: Never", yaml);
        Assert.Contains("image: docker.io/alpine/k8s:1.35.3", yaml);
        // The event's own namespace holds the scaler. With placeholders they are bare pods the scaler creates from the
        // template in its ConfigMap; with a CapacityBuffer (community-small's backend) the buffer names a PodTemplate.
        // Either way no placeholder object (Deployment or Pod) is applied by Pulumi.
        Assert.Contains("kind: Namespace\nmetadata:\n  name: hackathon-2027-capacity\n", yaml);
        if (PlanOf("community-small", "hackathon-2027").Backend == HubInfra.Core.Scaling.CapacityBackend.Placeholders)
            Assert.Contains("  placeholder.yaml: |\n    apiVersion: v1\n    kind: Pod\n", yaml);
        else
            Assert.Contains("\nkind: CapacityBuffer\n", yaml);
        Assert.DoesNotContain("\nkind: Pod\n", yaml);
        Assert.DoesNotContain("name: hackathon-2027-placeholder\n", yaml);
        // No object of the event is mapped by hand beside the group: no typed Deployment, CronJob or Role.
        Assert.Empty(mocks.OfType("kubernetes:apps/v1:Deployment"));
        Assert.Empty(mocks.OfType("kubernetes:batch/v1:CronJob"));
        Assert.Empty(mocks.OfType("kubernetes:rbac.authorization.k8s.io/v1:Role"));
        Assert.Equal(7, outputs["seatsPerNode"]);
        Assert.Equal(11, outputs["nodes"]);
    }

    [Fact]
    public async Task The_plan_outputs_carry_the_tracking_and_release_policy()
    {
        var mocks = WithCommunity("community-small");
        var (_, outputs) = await StackRun.RunAsync(mocks, StackRun.Config("hackathon-2027"));
        var tracking = (Dictionary<string, object?>)outputs["tracking"]!;
        Assert.Equal(30, tracking["intervalSeconds"]);
        var release = (Dictionary<string, object?>)outputs["release"]!;
        Assert.Equal(60, release["afterMinutes"]);
        Assert.Equal(7, release["headroomSeats"]);
    }

    [Fact]
    public async Task A_dedicated_event_pool_is_created_with_the_event_label_and_planned_maximum()
    {
        var mocks = WithCommunity("community-gpu");
        await StackRun.RunAsync(mocks, StackRun.Config("summer-school-2027"));
        var pool = mocks.OfType("gcp:container/nodePool:NodePool").Single().Inputs;
        Assert.Equal(24, Convert.ToInt32(Map(pool["autoscaling"])["totalMaxNodeCount"]));
        var labels = Map(Map(pool["nodeConfig"])["labels"]);
        Assert.Equal("summer-school-2027", labels["hubinfra.org/event"]);
        Assert.Equal("n2-highmem-16", Map(pool["nodeConfig"])["machineType"]);
        var yaml = (string)mocks.Single("kubernetes:yaml/v2:ConfigGroup", "summer-school-2027").Inputs["yaml"];
        Assert.Contains("hubinfra.org/event: summer-school-2027", yaml); // the placeholders select the dedicated pool
    }

    [Fact]
    public async Task A_workshop_puts_only_password_hashes_in_the_cluster_and_the_roster_is_a_secret()
    {
        var mocks = WithCommunity("community-small");
        var (resources, outputs) = await StackRun.RunAsync(mocks, StackRun.Config("workshop-2027"));
        Assert.Equal(41, mocks.OfType("random:index/randomPassword:RandomPassword").Count()); // 40 seats and the instructor
        var secret = mocks.Single("kubernetes:core/v1:Secret", "workshop-accounts").Inputs;
        var hashes = (string)Map(secret["stringData"])["hashes.json"];
        Assert.Contains("\"student007\":\"$2a$10$hash-of-workshop-2027-accounts-student007\"", hashes);
        Assert.DoesNotContain("pw-", hashes);
        Assert.Equal("workshop-g1", Map(secret["metadata"])["namespace"]);

        var release = mocks.OfType("kubernetes:helm.sh/v3:Release").Single().Inputs;
        Assert.DoesNotContain("pw-", System.Text.Json.JsonSerializer.Serialize(release));

        // The proxy Service keeps clients' addresses for the login throttle: one field patched after the release.
        var patch = mocks.OfType("kubernetes:core/v1:ServicePatch").Single().Inputs;
        Assert.Equal("proxy-public", Map(patch["metadata"])["name"]);
        Assert.Equal("workshop-g1", Map(patch["metadata"])["namespace"]);
        Assert.Equal("Local", Map(patch["spec"])["externalTrafficPolicy"]);

        var roster = (Output<string>)outputs["roster"]!;
        Assert.True(await Output.IsSecretAsync(roster));
        var link = "https://workshop.open-science.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fopen-science-example%2Fintro-python-workshop&branch=main&urlpath=lab%2Ftree%2Fintro-python-workshop%2FREADME.ipynb";
        var csv = await StackRun.ValueOf(roster);
        Assert.StartsWith($"username,password,url\nstudent001,pw-workshop-2027-accounts-student001,{link}\n", csv);
        Assert.EndsWith($"\ninstructor,pw-workshop-2027-accounts-instructor,{link}\n", csv);

        Assert.False(StackRun.IsProtected(resources.OfType<K8s.Core.V1.Namespace>().Single()));
        Assert.False(StackRun.IsProtected(resources.OfType<K8s.Helm.V3.Release>().Single()));
    }

    [Fact]
    public async Task Parallel_sessions_get_one_password_per_group_in_the_secret_and_the_roster()
    {
        var mocks = WithCommunity("community-small");
        var (_, outputs) = await StackRun.RunAsync(mocks, StackRun.Config("workshop-sessions-2027"));
        Assert.Equal(3, mocks.OfType("random:index/randomPassword:RandomPassword").Count()); // admin, session-a, session-b
        var secret = mocks.Single("kubernetes:core/v1:Secret", "workshop-shared-password").Inputs;
        var data = Map(secret["stringData"]);
        Assert.Equal(["admin-password", "password-groups.json"], data.Keys.Order(StringComparer.Ordinal));
        var groups = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>((string)data["password-groups.json"]!)!;
        Assert.Equal(["session-a"], groups["pw-workshop-sessions-2027-accounts-group-session-a"]);
        Assert.Equal(["session-b"], groups["pw-workshop-sessions-2027-accounts-group-session-b"]);

        var csv = await StackRun.ValueOf((Output<string>)outputs["roster"]!);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("username,password,url", lines[0]);
        Assert.StartsWith("(group session-a),pw-workshop-sessions-2027-accounts-group-session-a,https://sessions.open-science.example.org/hub/user-redirect/git-pull?", lines[1]);
        Assert.EndsWith("&urlpath=lab%2Ftree%2Fintro-python-workshop%2Flessons%2F01-welcome.ipynb", lines[1]);
        Assert.StartsWith("(admins),pw-workshop-sessions-2027-accounts-admin,", lines[3]);
    }

    [Fact]
    public async Task Rotating_one_seat_changes_only_that_seats_keepers()
    {
        var before = WithCommunity("community-small");
        await StackRun.RunAsync(before, StackRun.Config("workshop-2027"));
        var after = WithCommunity("community-small");
        await StackRun.RunAsync(after, StackRun.Config("workshop-2027", y => y.Replace("count: 40", "count: 40\n            rotate: { student007: 1 }")));

        static Dictionary<string, string> Keepers(Mocks m) => m.OfType("random:index/randomPassword:RandomPassword")
            .ToDictionary(p => p.Name!, p => System.Text.Json.JsonSerializer.Serialize(p.Inputs["keepers"]));
        var a = Keepers(before);
        var b = Keepers(after);
        var changed = a.Keys.Where(k => a[k] != b[k]).ToList();
        Assert.Equal(["workshop-2027-accounts-student007"], changed);
    }

    [Fact]
    public async Task A_shared_password_workshop_gets_a_user_and_an_admin_password_in_a_secret_read_from_the_environment()
    {
        var mocks = WithCommunity("community-small");
        var (_, outputs) = await StackRun.RunAsync(mocks, StackRun.Config("workshop-2027",
            y => y.Replace("accounts:\n            prefix: student\n            count: 40", "sharedPassword: { rotation: 0 }")));
        var passwords = mocks.OfType("random:index/randomPassword:RandomPassword").ToDictionary(p => p.Name!, p => Convert.ToInt32(p.Inputs["length"]));
        Assert.Equal(20, passwords["workshop-2027-accounts-user"]);
        Assert.Equal(40, passwords["workshop-2027-accounts-admin"]);
        var secret = Map(mocks.Single("kubernetes:core/v1:Secret", "workshop-shared-password").Inputs["stringData"]);
        Assert.Equal("pw-workshop-2027-accounts-user", secret["user-password"]);
        var values = System.Text.Json.JsonSerializer.Serialize(mocks.OfType("kubernetes:helm.sh/v3:Release").Single().Inputs["values"]);
        Assert.Contains("shared-password", values);
        Assert.Contains("WORKSHOP_USER_PASSWORD", values);
        Assert.DoesNotContain("pw-", values);
        Assert.True(await Output.IsSecretAsync((Output<string>)outputs["roster"]!));
    }
}
