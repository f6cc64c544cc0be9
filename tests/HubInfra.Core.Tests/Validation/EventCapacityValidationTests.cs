using HubInfra.Cli;

namespace HubInfra.Core.Tests.Validation;

/// <summary>Calendar and capacity errors of event stacks that only show across events or against the pool's hardware.</summary>
public sealed class EventCapacityValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stacks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private StackSet Folder(params (string Name, string Yaml)[] stacks)
    {
        File.Copy(Path.Combine(TestStacks.Directory, "Pulumi.community-small.yaml"), Path.Combine(_dir, "Pulumi.community-small.yaml"), overwrite: true);
        File.Copy(Path.Combine(TestStacks.Directory, "Pulumi.community-gpu.yaml"), Path.Combine(_dir, "Pulumi.community-gpu.yaml"), overwrite: true);
        foreach (var (name, yaml) in stacks)
            File.WriteAllText(Path.Combine(_dir, $"Pulumi.{name}.yaml"), yaml);
        return new StackSet(_dir, TestStacks.Now);
    }

    private static string Event(string community, string hub, string profile, int attendees, string start, string end, string extra = "") => $"""
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: {community}
            hub: {hub}
            profile: {profile}
            timeZone: UTC
            attendees: {attendees}
            windows: [ {"{"} start: {start}, end: {end} {"}"} ]
        {extra}
        """;

    [Fact]
    public void Events_warm_on_the_same_pool_at_the_same_time_are_summed_against_its_maximum_naming_both()
    {
        // community-small's pool 'user': n2-highmem-4, 7 seats of 'small' per node, at most 20 nodes.
        var set = Folder(
            ("course-a", Event("community-small", "main", "small", 84, "2027-05-03T09:00", "2027-05-03T12:00")),  // 12 nodes
            ("course-b", Event("community-small", "main", "small", 70, "2027-05-03T11:00", "2027-05-03T15:00"))); // 10 nodes
        foreach (var name in new[] { "course-a", "course-b" })
        {
            var error = Assert.Single(set.Load(name).Errors, e => e.Message.Contains("at the same time"));
            Assert.Equal("hubinfra:event.windows", error.Key);
            Assert.Contains("course-a (12) + course-b (10)", error.Message);
            Assert.Contains("need 22 nodes", error.Message);
            Assert.Contains("at most 20", error.Message);
            Assert.Contains("raise its maxNodeCount", error.Message);
        }
    }

    [Fact]
    public void Events_on_the_same_pool_at_different_times_are_not_summed()
    {
        var set = Folder(
            ("course-a", Event("community-small", "main", "small", 84, "2027-05-03T09:00", "2027-05-03T12:00")),
            ("course-b", Event("community-small", "main", "small", 70, "2027-05-04T09:00", "2027-05-04T12:00")));
        Assert.DoesNotContain(set.Load("course-a").Errors, e => e.Message.Contains("at the same time"));
    }

    [Fact]
    public void A_gpu_profile_on_a_pool_without_gpus_is_an_error_not_a_plan_of_unschedulable_nodes()
    {
        var community = File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.community-gpu.yaml"))
            .Replace("          gpus: 1", "          gpus: 1\n          nodePool: cpu").Replace("          nodePool: gpu\n", "");
        var set = Folder(("gpu-class", Event("community-gpu", "courses", "gpu", 10, "2027-05-03T09:00", "2027-05-03T12:00")));
        File.WriteAllText(Path.Combine(_dir, "Pulumi.community-gpu.yaml"), community);
        var error = Assert.Single(set.Load("gpu-class").Errors, e => e.Message.Contains("GPU"));
        Assert.Equal("hubinfra:event.profile", error.Key);
        Assert.Contains("needs 1 GPU per user but pool 'cpu' has no GPUs", error.Message);

        var dedicated = Folder(("gpu-own", Event("community-gpu", "courses", "gpu", 10, "2027-05-03T09:00", "2027-05-03T12:00",
            "    pool: { machineType: n1-standard-8 }")));
        File.WriteAllText(Path.Combine(_dir, "Pulumi.community-gpu.yaml"), community);
        var own = Assert.Single(dedicated.Load("gpu-own").Errors, e => e.Message.Contains("GPU"));
        Assert.Equal("hubinfra:event.pool", own.Key);
    }

    [Fact]
    public void Calendar_and_capacity_errors_come_all_at_once()
    {
        var set = Folder(("dst", Event("community-small", "main", "small", 20, "2027-03-14T02:30", "2027-03-14T05:00",
            "    arrivalMinutes: -1").Replace("timeZone: UTC", "timeZone: America/New_York")));
        var errors = set.Load("dst").Errors.Select(e => e.Key).ToList();
        Assert.Contains("hubinfra:event.windows[0].start", errors);
        Assert.Contains("hubinfra:event.arrivalMinutes", errors);
    }
}
