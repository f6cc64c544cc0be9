using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using NodaTime;

namespace HubInfra.Core.Tests.Scaling;

/// <summary>
/// The scaler script as an operator meets it, run under sh and busybox sh with the fake kubectl: failures, batches,
/// its status and heartbeat, lost state, two events on one hub, large lists, RBAC, the CapacityBuffer backend.
/// (What it decides is checked case by case against <see cref="WarmSeatPolicy"/> in
/// <see cref="WarmSeatPolicyCasesTests"/> and over whole simulated events in <see cref="ScriptModelAgreementTests"/>.)
/// </summary>
public sealed class ScalerScriptTests : IDisposable
{
    private static readonly Instant WarmFrom = Instant.FromUtc(2027, 3, 6, 13, 15);
    private static readonly Instant Start = Instant.FromUtc(2027, 3, 6, 14, 0);

    private readonly string _root = Directory.CreateTempSubdirectory("scaler-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ScalerHarness Harness(string shell, EventPlan? plan = null, string? name = null) =>
        new(Path.Combine(_root, name ?? $"{shell}-{Guid.NewGuid():N}"), shell, plan ?? WarmSeatPolicyCasesTests.Hackathon());

    private static ServerPod[] Users(int n, Instant created, string prefix = "jupyter-a", string? node = "node-a", int everySeconds = 30) =>
        Enumerable.Range(1, n).Select(i => new ServerPod($"{prefix}{i:D4}", node, created + Duration.FromSeconds(i * everySeconds))).ToArray();

    private static PlaceholderPod[] Ph(int n, string? node = "node-z") =>
        Enumerable.Range(1, n).Select(i => new PlaceholderPod($"ph-{i:D5}", node)).ToArray();

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void When_the_api_is_unreachable_it_fails_loudly_and_changes_nothing(string shell)
    {
        var h = Harness(shell);
        h.Write(new ScalerView(Start, Ph(33), []));
        File.WriteAllText(Path.Combine(h.Dir, "unreachable"), "");
        var run = h.Once(Start);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR", run.Stderr);
        Assert.Contains("warm seats left unchanged", run.Stderr);
        Assert.Equal(33, run.LivePlaceholders);
        Assert.Empty(run.Created);
        Assert.Empty(run.Deleted);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void When_the_api_server_stops_answering_each_call_gives_up_and_the_look_fails_loudly(string shell)
    {
        var h = Harness(shell);
        h.Write(new ScalerView(Start, Ph(33), []));
        File.WriteAllText(Path.Combine(h.Dir, "hang"), "");
        var run = h.Once(Start);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warm seats left unchanged", run.Stderr);
        Assert.All(run.Calls, c => Assert.Contains("--request-timeout=20s", c));
        Assert.Equal(33, run.LivePlaceholders);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void In_its_loop_the_scaler_exits_for_a_restart_after_repeated_failures_and_keeps_its_heartbeat(string shell)
    {
        var h = Harness(shell);
        h.Write(new ScalerView(Start, Ph(33), []));
        File.WriteAllText(Path.Combine(h.Dir, "unreachable"), "");
        var run = h.Once(Start, new() { ["MAX_FAILURES"] = "3", ["INTERVAL_SECONDS"] = "0" }, mode: "loop");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("3 looks in a row failed", run.Stderr);
        // Failed looks still finish: the heartbeat is fresh (a hung call, not a failing one, is what the probe catches).
        Assert.Matches("^[0-9]+$", File.ReadAllText(Path.Combine(h.Dir, "heartbeat")).Trim());
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void A_warm_up_creates_its_placeholders_in_batches_and_writes_its_status(string shell)
    {
        var h = Harness(shell);
        var run = h.Look(new ScalerView(WarmFrom, [], []));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(71, run.Created.Count);
        Assert.Equal(2, run.Calls.Count(c => c.Contains("create -f -"))); // 50, then 21
        Assert.All(run.Created, n => Assert.StartsWith("hackathon-2027-placeholder-", n));
        Assert.Equal("2027-03-06T13:15:00Z", h.State("lastLook"));
        Assert.Equal("arrival", h.State("phase"));
        Assert.Equal("71", h.State("desired"));
        Assert.Equal("0", h.State("current"));
        Assert.Equal("77", h.State("warmSeats"));
        Assert.Matches("^[0-9]+$", File.ReadAllText(Path.Combine(h.Dir, "heartbeat")).Trim());
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void State_lost_mid_window_changes_nothing_it_decides(string shell)
    {
        // The case: a community-hub event with 20 regular users; the state ConfigMap is wiped 20 minutes after
        // the start. The scaler reads nothing back from it: every look keeps the same placeholders with or without it.
        var regulars = Users(20, WarmFrom - Duration.FromHours(3), prefix: "jupyter-regular", node: "node-r");
        var kept = new List<int>();
        var keptWiped = new List<int>();
        foreach (var wipe in new[] { false, true })
        {
            var h = Harness(shell, name: $"{shell}-wipe-{wipe}");
            var placeholders = new List<PlaceholderPod>();
            for (var t = Start + Duration.FromMinutes(10); t <= Start + Duration.FromMinutes(30); t += Duration.FromSeconds(30))
            {
                var arrived = (int)Math.Min(50, (t - WarmFrom).TotalMinutes); // one a minute since warm-up, 50 in all
                var servers = regulars.Concat(Users(arrived, WarmFrom, everySeconds: 60)).ToArray();
                if (wipe && t >= Start + Duration.FromMinutes(20))
                    foreach (var f in Directory.GetFiles(h.Dir, "state-*")) File.Delete(f);
                var run = h.Look(new ScalerView(t, placeholders, servers));
                Assert.True(run.ExitCode == 0, run.Stderr);
                placeholders = h.Lines("placeholders").Select(l => new PlaceholderPod(l.Split('|')[0], "node-p")).ToList();
                (wipe ? keptWiped : kept).Add(placeholders.Count);
            }
        }
        Assert.Equal(kept, keptWiped);
        Assert.Equal(77 - 50 - 6, kept[0]); // 50 attendees by 14:10 (the 20 regulars never count)
        Assert.Equal(7, kept[^1]); // nobody new since 14:05 with 50 in: released to the headroom at 14:15
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void A_state_configmap_that_is_gone_only_costs_a_warning(string shell)
    {
        var h = Harness(shell);
        File.WriteAllText(Path.Combine(h.Dir, "no-state"), "");
        var run = h.Look(new ScalerView(Start, [], Users(10, WarmFrom)));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(77 - 10 - 6, run.LivePlaceholders);
        Assert.Contains("WARNING: cannot write the status", run.Stderr);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void Two_events_on_one_hub_count_the_servers_created_since_their_own_warm_up(string shell)
    {
        var a = Harness(shell, name: $"{shell}-a");
        // Event B: 20 seats, warm from 14:00 (its own schedule), on the same hub.
        var b = Harness(shell, name: $"{shell}-b");
        var bFrom = Instant.FromUtc(2027, 3, 6, 14, 0);
        File.WriteAllText(Path.Combine(b.Dir, "schedule"),
            $"{bFrom.ToUnixTimeSeconds()} {(bFrom + Duration.FromHours(4)).ToUnixTimeSeconds()} arrival 20 {bFrom.ToUnixTimeSeconds()} {bFrom.ToUnixTimeSeconds()} 600 10\n");
        var regulars = Users(30, WarmFrom - Duration.FromHours(1), prefix: "jupyter-regular");
        var aPeople = Users(20, WarmFrom, prefix: "jupyter-a"); // 13:15:30 .. 13:25
        var bPeople = Users(15, bFrom, prefix: "jupyter-b"); // 14:00:30 .. 14:07:30
        var now = bFrom + Duration.FromMinutes(8);
        ServerPod[] all = [.. regulars, .. aPeople, .. bPeople];
        Assert.Equal(20 - 15 - 6 < 0 ? 0 : 20 - 15 - 6, b.Look(new ScalerView(now, [], all)).LivePlaceholders); // A's 20 came before B's warm-up
        // The documented limit: A counts B's arrivals as its own (it warms fewer seats, never more).
        Assert.Equal(77 - 35 - 6, a.Look(new ScalerView(now, [], all)).LivePlaceholders);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void An_evicted_placeholder_is_cleaned_up_and_its_seat_created_again(string shell)
    {
        var h = Harness(shell);
        h.Write(new ScalerView(WarmFrom, Ph(71), []));
        var lines = h.Lines("placeholders").ToArray();
        lines[0] = lines[0].Replace("|Running|", "|Failed|");
        File.WriteAllLines(Path.Combine(h.Dir, "placeholders"), lines);
        var run = h.Once(WarmFrom + Duration.FromSeconds(30));
        Assert.Equal(71, run.LivePlaceholders);
        Assert.Single(run.Created);
        Assert.Equal(["ph-00001"], run.Deleted);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void A_create_that_fails_part_way_fails_loudly_and_the_next_look_creates_only_the_rest(string shell)
    {
        var h = Harness(shell);
        File.WriteAllText(Path.Combine(h.Dir, "create-quota"), "30");
        var run = h.Look(new ScalerView(WarmFrom, [], []));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR: cannot create 71 placeholder(s)", run.Stderr);
        Assert.Contains("the next look recounts", run.Stderr);
        Assert.Equal(30, run.LivePlaceholders);
        File.Delete(Path.Combine(h.Dir, "create-quota"));
        var next = h.Once(WarmFrom + Duration.FromSeconds(30));
        Assert.Equal(0, next.ExitCode);
        Assert.Equal(41, next.Created.Count);
        Assert.Equal(71, next.LivePlaceholders);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void A_large_event_handles_thousands_of_placeholders_and_servers(string shell)
    {
        var h = Harness(shell);
        // 3,000 placeholders left after the window and 6,000 regular servers: lists far beyond one argument's 128 KiB.
        var run = h.Look(new ScalerView(Instant.FromUtc(2027, 3, 7, 6, 0), Ph(3000), Users(6000, WarmFrom - Duration.FromDays(1), prefix: "jupyter-regular-with-a-long-name")));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3000, run.Deleted.Count);
        Assert.Equal(0, run.LivePlaceholders);
    }

    [Theory]
    [MemberData(nameof(ScalerHarness.Shells), MemberType = typeof(ScalerHarness))]
    public void The_capacity_buffer_backend_patches_only_its_buffer(string shell)
    {
        var plan = WarmSeatPolicyCasesTests.Hackathon(CapacityBackend.CapacityBuffer);
        var h = Harness(shell, plan);
        var run = h.Look(new ScalerView(WarmFrom, [], []));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(77, run.BufferReplicas);
        Assert.Empty(run.Created);
        Assert.Contains(run.Calls, c => c.Contains("patch capacitybuffers.autoscaling.x-k8s.io hackathon-2027-seats"));
        Assert.DoesNotContain(run.Calls, c => c.Contains("get pods") && c.Contains(plan.CapacityNamespace));
        // Its Role has no verb on pods in its namespace: RBAC in the fake would refuse any.
        Assert.DoesNotContain(h.Lines("rbac"), l => l.StartsWith($"{plan.CapacityNamespace} pods", StringComparison.Ordinal));
        var again = h.Once(WarmFrom + Duration.FromSeconds(30));
        Assert.Contains("buffer seats stay at 77", again.Stdout);
    }
}
