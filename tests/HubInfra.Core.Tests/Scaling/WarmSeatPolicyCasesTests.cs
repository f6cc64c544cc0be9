using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using NodaTime;

namespace HubInfra.Core.Tests.Scaling;

/// <summary>
/// One table of looks, each run through <see cref="WarmSeatPolicy.Decide"/> and through the shipped script against the
/// fake cluster in the same state: both must take the same decision, and the decision must be the expected one.
/// The event is the hackathon (community hub: attendees are servers created since warm-up): 72 seats on 11 nodes of 7,
/// 77 warm seats, 6 arrival slots, headroom 7; warm from 13:15 UTC, start 14:00, arrival phase until 15:00 (or until
/// arrivals stall: 10 minutes without anyone new once 36 came), warm until 23:30.
/// </summary>
public sealed class WarmSeatPolicyCasesTests : IDisposable
{
    private static readonly Instant WarmFrom = Instant.FromUtc(2027, 3, 6, 13, 15);
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 6, 14, 0);
    private static readonly Instant Release = Instant.FromUtc(2027, 3, 6, 15, 0);
    private static readonly Instant CoolAt = Instant.FromUtc(2027, 3, 6, 23, 30);

    private readonly string _root = Directory.CreateTempSubdirectory("policy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static EventPlan Hackathon(CapacityBackend backend = CapacityBackend.Placeholders, AttendeeRule? rule = null)
    {
        var loaded = TestStacks.Example("hackathon-2027");
        var plan = loaded.Plan!;
        return plan with { Scaler = plan.Scaler with { Backend = backend, Attendees = rule ?? plan.Scaler.Attendees } };
    }

    public sealed record Case(string Name, Instant Now, PlaceholderPod[] Placeholders, ServerPod[] Servers, int ExpectedDesired,
        string[]? ExpectedDeleted = null, CapacityBackend Backend = CapacityBackend.Placeholders, AttendeeRule? Rule = null, int Buffer = 0)
    {
        public override string ToString() => Name;
    }

    private static PlaceholderPod[] Ph(int n, string? node = null, string prefix = "ph") =>
        Enumerable.Range(1, n).Select(i => new PlaceholderPod($"{prefix}-{node ?? "pending"}-{i:D3}", node)).ToArray();

    private static ServerPod[] Users(int n, Instant created, string? node = "node-a", string prefix = "jupyter-a", int everySeconds = 0) =>
        Enumerable.Range(1, n).Select(i => new ServerPod($"{prefix}{i:D3}", node, created + Duration.FromSeconds(i * everySeconds))).ToArray();

    public static TheoryData<Case> Cases() =>
    [
        new("before warm-up: nothing warm", WarmFrom - Duration.FromSeconds(1), [], [], 0),
        new("leftovers outside the windows are all deleted", WarmFrom - Duration.FromDays(3), Ph(5, "node-a"), [], 0,
            ["ph-node-a-001", "ph-node-a-002", "ph-node-a-003", "ph-node-a-004", "ph-node-a-005"]),
        new("warm-up: every seat but the arrival slots", WarmFrom, [], [], 71),
        new("arrivals take seats: 25 attendees, arriving steadily", Start + Duration.FromMinutes(5), [], Users(25, Start - Duration.FromMinutes(20), everySeconds: 60), 46),
        new("regular users running before warm-up never count", Start + Duration.FromMinutes(5), [],
            [.. Users(120, WarmFrom - Duration.FromHours(2), prefix: "jupyter-regular"), .. Users(10, Start - Duration.FromMinutes(5), everySeconds: 30)], 61),
        new("a regular user whose server restarts during the window counts (documented limit)", Start + Duration.FromMinutes(5), [],
            [.. Users(119, WarmFrom - Duration.FromHours(2), prefix: "jupyter-regular"), new ServerPod("jupyter-regular120", "node-b", Start),
             .. Users(10, Start - Duration.FromMinutes(5), everySeconds: 30)], 60),
        new("the event's own workshop hub: every server is an attendee", Start, [], Users(30, WarmFrom - Duration.FromHours(3)), 41,
            Rule: AttendeeRule.AllServers),
        new("release phase: attendees + headroom", Release + Duration.FromMinutes(1), Ph(31, "node-z"), Users(40, Start - Duration.FromMinutes(10), everySeconds: 30), 7),
        new("arrivals stalled: 40 came in the first 5 minutes, nobody since for 15", Start + Duration.FromMinutes(20), [],
            Users(40, Start - Duration.FromMinutes(5), everySeconds: 15), 7),
        new("a pause with fewer than half the seats taken is no stall", Start + Duration.FromMinutes(30), [],
            Users(30, Start - Duration.FromMinutes(5), everySeconds: 10), 41),
        new("a pause before the start is no stall", Start - Duration.FromMinutes(1), [], Users(40, WarmFrom, everySeconds: 10), 31),
        new("more attendees than seats: never below 0", Start + Duration.FromMinutes(5), Ph(3, "node-z"), Users(100, Start - Duration.FromMinutes(10), everySeconds: 5), 0),
        new("surplus: pending first, then the nodes with the most users, ties to fewer placeholders, then node name",
            Start + Duration.FromMinutes(5),
            [.. Ph(1), .. Ph(3, "node-a"), .. Ph(2, "node-b"), .. Ph(5, "node-c"), .. Ph(1, "node-d")],
            [.. Users(64, Start - Duration.FromMinutes(10), node: "node-x", everySeconds: 5), .. Users(2, Start, node: "node-a", prefix: "jupyter-b"),
             .. Users(1, Start, node: "node-b", prefix: "jupyter-c"), .. Users(1, Start, node: "node-d", prefix: "jupyter-d")],
            3, ["ph-pending-001", "ph-node-a-001", "ph-node-a-002", "ph-node-a-003", "ph-node-d-001", "ph-node-b-001", "ph-node-b-002",
                "ph-node-c-001", "ph-node-c-002"]),
        new("releasing: nodes without users empty first, the fewest placeholders first",
            Release + Duration.FromMinutes(5),
            [.. Ph(2, "node-a"), .. Ph(7, "node-c"), .. Ph(4, "node-e")],
            [.. Users(60, Start - Duration.FromMinutes(10), node: "node-x", everySeconds: 5), .. Users(5, Start, node: "node-a", prefix: "jupyter-b")],
            7, ["ph-node-e-001", "ph-node-e-002", "ph-node-e-003", "ph-node-e-004", "ph-node-c-001", "ph-node-c-002"]),
        new("capacityBuffer: every free seat is the buffer's (no arrival slots)", Start + Duration.FromMinutes(5), [],
            Users(25, Start - Duration.FromMinutes(20), everySeconds: 60), 52, Backend: CapacityBackend.CapacityBuffer, Buffer: 77),
        new("capacityBuffer: released after a stall", Start + Duration.FromMinutes(20), [],
            Users(40, Start - Duration.FromMinutes(5), everySeconds: 15), 7, Backend: CapacityBackend.CapacityBuffer, Buffer: 37),
        new("capacityBuffer: zero after the window", CoolAt, [], [], 0, Backend: CapacityBackend.CapacityBuffer, Buffer: 7),
    ];

    private static IEnumerable<string> Shells() =>
        File.Exists("/usr/bin/busybox") || File.Exists("/bin/busybox") ? ["sh", "busybox"] : ["sh"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_script_and_the_policy_take_the_same_decision(Case c)
    {
        var plan = Hackathon(c.Backend, c.Rule);
        var view = new ScalerView(c.Now, c.Placeholders, c.Servers, c.Buffer);
        var expected = WarmSeatPolicy.Decide(plan.Scaler, view);
        Assert.Equal(c.ExpectedDesired, expected.Desired);
        if (c.ExpectedDeleted is not null) Assert.Equal(c.ExpectedDeleted, expected.Delete);

        foreach (var shell in Shells())
        {
            var harness = new ScalerHarness(Path.Combine(_root, $"{shell}-{Guid.NewGuid():N}"), shell, plan);
            var run = harness.Look(view);
            Assert.True(run.ExitCode == 0, run.Stderr);
            if (c.Backend == CapacityBackend.CapacityBuffer)
            {
                Assert.Equal(expected.Desired, run.BufferReplicas);
                continue;
            }
            Assert.Equal(expected.Create, run.Created.Count);
            Assert.Equal(expected.Delete, run.Deleted);
            Assert.Equal(expected.Desired, run.LivePlaceholders);
        }
    }
}
