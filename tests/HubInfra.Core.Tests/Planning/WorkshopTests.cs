using HubInfra.Core.Planning;
using HubInfra.Core.Values;

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
        var plan = EventPlan.From(loaded.Event!, loaded.Community!)!;
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
        var plan = EventPlan.From(loaded.Event!, loaded.Community!)!;
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
}
