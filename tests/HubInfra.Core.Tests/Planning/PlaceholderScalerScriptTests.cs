using System.Diagnostics;
using HubInfra.Core.Planning;
using NodaTime;

namespace HubInfra.Core.Tests.Planning;

/// <summary>
/// The scaler's shell script, run as the cluster runs it (<c>sh</c>, POSIX), with a fake <c>kubectl</c> on PATH that
/// records its calls, answers canned pod lists (placeholders with their node and phase, user servers with their
/// node) and creates and deletes placeholder pods, and a fixed clock (<c>NOW_EPOCH</c>). The schedule is the
/// hackathon's real one: warm 13:15–23:30 UTC on 2027-03-06, 72 seats on 11 nodes of 7 (77 warm: every seat of the planned nodes), arrival phase until 15:00, then a cap of 7.
/// </summary>
public sealed class PlaceholderScalerScriptTests : IDisposable
{
    private static readonly Instant WarmFrom = Instant.FromUtc(2027, 3, 6, 13, 15);
    private static readonly Instant InArrival = Instant.FromUtc(2027, 3, 6, 14, 5);
    private static readonly Instant InRelease = Instant.FromUtc(2027, 3, 6, 16, 0);
    private static readonly Instant CoolAt = Instant.FromUtc(2027, 3, 6, 23, 30);

    private readonly string _root = Directory.CreateTempSubdirectory("scaler-").FullName;

    private string _shell = "sh";

    /// <summary>The system's POSIX sh, and busybox's sh (the shell of the alpine image in the cluster) where installed.</summary>
    public static TheoryData<string> Shells()
    {
        var shells = new TheoryData<string> { "sh" };
        if (File.Exists("/usr/bin/busybox") || File.Exists("/bin/busybox")) shells.Add("busybox");
        return shells;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// In the alpine image every tool the script calls (awk, sed, sort, tr, mktemp, ...) is a busybox applet, not GNU's:
    /// with the busybox shell the tests put busybox's applets first on PATH, so the script meets the same tools.
    /// </summary>
    private string BusyboxApplets()
    {
        var dir = Path.Combine(_root, "busybox-bin");
        if (Directory.Exists(dir)) return dir;
        Directory.CreateDirectory(dir);
        var busybox = File.Exists("/usr/bin/busybox") ? "/usr/bin/busybox" : "/bin/busybox";
        foreach (var applet in new[] { "awk", "sed", "sort", "tr", "mktemp", "head", "cat", "date", "sleep", "rm", "printf", "grep", "cut", "touch", "mv", "tail", "wc" })
            File.CreateSymbolicLink(Path.Combine(dir, applet), busybox);
        return dir;
    }

    /// <summary>One run: its status and output, the live placeholders afterwards, the kubectl calls, the pods it created and deleted.</summary>
    private sealed record Run(int ExitCode, string Stdout, string Stderr, int Replicas, IReadOnlyList<string> Calls,
        IReadOnlyList<string> Created, IReadOnlyList<string> Deleted);

    private static EventPlan Hackathon()
    {
        var loaded = TestStacks.Example("hackathon-2027");
        return EventPlan.From(loaded.Event!, loaded.Community!)!;
    }

    /// <summary>A fake cluster for one event: its own state folder, <paramref name="replicas"/> placeholders pending.</summary>
    private string Cluster(string name, int replicas, string schedule)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, "placeholders"), Enumerable.Range(1, replicas).Select(i => $"old-{i}||Pending|"));
        File.WriteAllText(Path.Combine(dir, "schedule"), schedule);
        File.WriteAllText(Path.Combine(dir, "scaler.sh"), PlaceholderScaler.Script);
        File.WriteAllText(Path.Combine(dir, "placeholder.yaml"), EventManifests.PlaceholderTemplateYaml(Hackathon()));
        File.WriteAllLines(Path.Combine(dir, "rbac"), Rbac(EventManifests.Build(Hackathon())));
        return dir;
    }

    /// <summary>
    /// What the scaler's ServiceAccount may do, from the event's own Roles (one line per namespace, resource, verb and
    /// resource name): the fake kubectl refuses anything else with Forbidden, as the API server's RBAC would.
    /// </summary>
    private static IEnumerable<string> Rbac(IReadOnlyList<Dictionary<string, object?>> manifests)
    {
        static IEnumerable<string> Strings(object? list) => list is List<object?> l ? l.Select(x => (string)x!) : [];
        foreach (var role in manifests.Where(m => (string?)m["kind"] == "Role"))
        {
            var ns = (string)((Dictionary<string, object?>)role["metadata"]!)["namespace"]!;
            foreach (var rule in ((List<object?>)role["rules"]!).Cast<Dictionary<string, object?>>())
                foreach (var resource in Strings(rule["resources"]))
                    foreach (var verb in Strings(rule["verbs"]))
                    {
                        var names = rule.TryGetValue("resourceNames", out var n) ? Strings(n).ToList() : [];
                        if (names.Count == 0) yield return $"{ns} {resource} {verb}";
                        foreach (var name in names) yield return $"{ns} {resource} {verb} {name}";
                    }
        }
    }

    private static void Pods(string dir, params string[] names) => File.WriteAllLines(Path.Combine(dir, "pods"), names);

    private static string[] Named(string prefix, int count) => Enumerable.Range(1, count).Select(i => $"jupyter-{prefix}{i}").ToArray();

    /// <summary>The placeholders as the fake API holds them: NAME|NODE|PHASE|DELETION.</summary>
    private static string[] Placeholders(string dir) => File.ReadAllLines(Path.Combine(dir, "placeholders")).Where(l => l.Length > 0).ToArray();

    /// <summary>The scheduler places the placeholders on nodes: <paramref name="nodeOf"/> gives each (by index) its node.</summary>
    private static void Schedule(string dir, Func<int, string> nodeOf)
    {
        var lines = Placeholders(dir).Select((l, i) => l.Split('|') is var f ? $"{f[0]}|{nodeOf(i)}|Running|{f[3]}" : l);
        File.WriteAllLines(Path.Combine(dir, "placeholders"), lines);
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToArray() : [];

    private Run Once(string dir, Instant now, string baseline = "warm-up", string? sharedPods = null, string mode = "once",
        Dictionary<string, string>? extraEnv = null)
    {
        string[] args = _shell == "busybox" ? ["sh", Path.Combine(dir, "scaler.sh"), mode] : [Path.Combine(dir, "scaler.sh"), mode];
        var start = new ProcessStartInfo(_shell, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var fakes = AppContext.BaseDirectory;
        start.Environment["PATH"] = _shell == "busybox"
            ? $"{Path.Combine(fakes, "Scripts")}:{BusyboxApplets()}:{Environment.GetEnvironmentVariable("PATH")}"
            : $"{Path.Combine(fakes, "Scripts")}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_DIR"] = dir;
        if (sharedPods is not null) start.Environment["FAKE_PODS"] = sharedPods;
        start.Environment["NOW_EPOCH"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plan = Hackathon();
        start.Environment["NAMESPACE"] = plan.CapacityNamespace;
        start.Environment["HUB_NAMESPACE"] = plan.Namespace;
        start.Environment["SCHEDULE_FILE"] = Path.Combine(dir, "schedule");
        start.Environment["TEMPLATE_FILE"] = Path.Combine(dir, "placeholder.yaml");
        start.Environment["PLACEHOLDER_SELECTOR"] = EventManifests.PlaceholderSelectorText(plan);
        start.Environment["STATE_CONFIGMAP"] = EventManifests.StateName(plan);
        // The fake cluster: which namespace holds what, the placeholders' labels, the one state ConfigMap.
        start.Environment["FAKE_CAPACITY_NS"] = plan.CapacityNamespace;
        start.Environment["FAKE_HUB_NS"] = plan.Namespace;
        start.Environment["FAKE_PLACEHOLDER_LABELS"] = EventManifests.PlaceholderSelectorText(plan);
        start.Environment["FAKE_STATE_CONFIGMAP"] = EventManifests.StateName(plan);
        start.Environment["BASELINE"] = baseline;
        foreach (var (k, v) in extraEnv ?? [])
            start.Environment[k] = v;
        foreach (var f in new[] { "calls.log", "created.log", "deleted.log" })
            if (File.Exists(Path.Combine(dir, f))) File.Delete(Path.Combine(dir, f));
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(30_000), "the scaler did not finish within 30 s");
        var live = Placeholders(dir).Count(l => l.Split('|') is var f && f[2] is not ("Succeeded" or "Failed") && f[3].Length == 0);
        return new Run(p.ExitCode, stdout.Result, stderr.Result, live, Lines(Path.Combine(dir, "calls.log")),
            Lines(Path.Combine(dir, "created.log")), Lines(Path.Combine(dir, "deleted.log")));
    }

    private static bool Scaled(Run run) => run.Created.Count > 0 || run.Deleted.Count > 0;

    [Theory]
    [MemberData(nameof(Shells))]
    public void Before_the_window_nothing_is_warm_and_nothing_is_patched(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var run = Once(dir, WarmFrom - Duration.FromMinutes(1));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Replicas);
        Assert.False(Scaled(run));
        Assert.Contains("outside the event's warm windows", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Placeholders_left_outside_the_windows_are_all_deleted(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 5, PlaceholderScaler.Schedule(Hackathon()));
        var run = Once(dir, WarmFrom - Duration.FromDays(3));
        Assert.Equal(0, run.Replicas);
        Assert.Equal(5, run.Deleted.Count);
        Assert.Empty(run.Created);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void At_warm_up_every_planned_seat_is_warm(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var run = Once(dir, WarmFrom);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(77, run.Replicas);
        Assert.Equal(77, run.Created.Count);
        Assert.Single(run.Calls, c => c.Contains("create -f -")); // one request for all of them, from the template
        Assert.All(run.Created, n => Assert.StartsWith("hackathon-2027-placeholder-", n));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Arrivals_take_seats_from_the_placeholders(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom); // baseline: nobody
        Pods(dir, Named("attendee", 25));
        var run = Once(dir, InArrival);
        Assert.Equal(52, run.Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Regular_users_running_at_warm_up_and_during_the_event_do_not_reduce_the_headroom(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var regulars = Named("regular", 120);
        Pods(dir, regulars);
        Assert.Equal(77, Once(dir, WarmFrom).Replicas);
        Pods(dir, [.. regulars, .. Named("attendee", 10)]);
        Assert.Equal(67, Once(dir, InArrival).Replicas);
        // A regular user who logs off and back on keeps the same pod name: still not an attendee.
        Pods(dir, [.. regulars.Skip(1), .. Named("attendee", 10)]);
        Assert.Equal(67, Once(dir, InArrival + Duration.FromMinutes(1)).Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void On_the_events_own_workshop_hub_every_server_is_an_attendee(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Pods(dir, Named("student", 30));
        var run = Once(dir, WarmFrom, baseline: "none");
        Assert.Equal(47, run.Replicas);
        Assert.DoesNotContain(run.Calls, c => c.Contains("configmap"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Two_events_on_one_hub_do_not_eat_each_others_seats_taken_before_warm_up(string shell)
    {
        _shell = shell;
        var shared = Path.Combine(_root, "pods");
        var a = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        // Event B: 20 seats, warm from 14:00 to 18:00, its own placeholder Deployment.
        var bFrom = Instant.FromUtc(2027, 3, 6, 14, 0);
        var b = Cluster("b", 0, $"{bFrom.ToUnixTimeSeconds()} {(bFrom + Duration.FromHours(4)).ToUnixTimeSeconds()} 20 -1 {bFrom.ToUnixTimeSeconds()}\n");
        File.WriteAllLines(shared, Named("regular", 30));
        Assert.Equal(77, Once(a, WarmFrom, sharedPods: shared).Replicas);
        File.WriteAllLines(shared, [.. Named("regular", 30), .. Named("a-attendee", 20)]);
        Assert.Equal(57, Once(a, WarmFrom + Duration.FromMinutes(30), sharedPods: shared).Replicas);
        Assert.Equal(20, Once(b, bFrom, sharedPods: shared).Replicas); // A's 20 attendees are B's baseline
        File.WriteAllLines(shared, [.. Named("regular", 30), .. Named("a-attendee", 20), .. Named("b-attendee", 15)]);
        Assert.Equal(5, Once(b, bFrom + Duration.FromMinutes(5), sharedPods: shared).Replicas);
        // The documented limit: A cannot tell B's later arrivals from its own (it warms fewer seats, never more).
        Assert.Equal(42, Once(a, bFrom + Duration.FromMinutes(5), sharedPods: shared).Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void After_the_arrival_phase_the_headroom_shrinks_to_the_late_seats(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom);
        Pods(dir, Named("attendee", 40));
        Assert.Equal(37, Once(dir, InArrival).Replicas);
        Assert.Equal(7, Once(dir, InRelease).Replicas); // min(77 − 40, 7)
        Pods(dir, Named("attendee", 73));
        Assert.Equal(4, Once(dir, InRelease + Duration.FromMinutes(1)).Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_missed_run_is_caught_up_by_the_next_one(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Pods(dir, Named("attendee", 5)); // the scaler was down at warm-up; the first look comes 50 minutes late
        var run = Once(dir, InArrival);
        Assert.Equal(77, run.Replicas); // the 5 already running become the baseline: more warm seats, never fewer
        Assert.Equal(0, Once(dir, CoolAt + Duration.FromMinutes(20)).Replicas); // the cool-down was missed too
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_same_date_next_year_does_nothing(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var run = Once(dir, InArrival + Duration.FromDays(365));
        Assert.Equal(0, run.Replicas);
        Assert.False(Scaled(run));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Placeholders_never_go_negative_when_more_attendees_come_than_planned(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 10, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom - Duration.FromSeconds(1));
        Once(dir, WarmFrom);
        Pods(dir, Named("attendee", 100));
        var run = Once(dir, InArrival);
        Assert.Equal(0, run.Replicas);
        Assert.Equal(77, run.Deleted.Count);
        Assert.Empty(run.Created);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void When_the_api_is_unreachable_it_fails_loudly_and_changes_nothing(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 33, PlaceholderScaler.Schedule(Hackathon()));
        File.WriteAllText(Path.Combine(dir, "unreachable"), "");
        var run = Once(dir, InArrival);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR", run.Stderr);
        Assert.Contains("placeholders left unchanged", run.Stderr);
        Assert.Equal(33, run.Replicas);
        Assert.False(Scaled(run));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void When_the_api_server_stops_answering_each_call_gives_up_and_the_look_fails_loudly(string shell)
    {
        _shell = shell;
        // kubectl waits for ever by default (--request-timeout 0): the scaler sets a timeout on every call, so a hung
        // API server counts as a failure (and, repeated, restarts the pod) instead of freezing the scaler.
        var dir = Cluster("a", 33, PlaceholderScaler.Schedule(Hackathon()));
        File.WriteAllText(Path.Combine(dir, "hang"), "");
        var run = Once(dir, InArrival);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("placeholders left unchanged", run.Stderr);
        Assert.All(run.Calls, c => Assert.Contains("--request-timeout=20s", c));
        Assert.Equal(33, run.Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void In_its_loop_the_scaler_exits_for_a_restart_after_repeated_failures(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 33, PlaceholderScaler.Schedule(Hackathon()));
        File.WriteAllText(Path.Combine(dir, "unreachable"), "");
        var run = Once(dir, InArrival, mode: "loop", extraEnv: new() { ["INTERVAL_SECONDS"] = "0", ["MAX_FAILURES"] = "3" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("3 iterations in a row failed", run.Stderr);
        Assert.Equal(33, run.Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_scaler_restarted_mid_window_keeps_the_baseline_taken_at_warm_up(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var regulars = Named("regular", 50);
        Pods(dir, regulars);
        Once(dir, WarmFrom);
        Pods(dir, [.. regulars, .. Named("attendee", 12)]);
        // A new scaler process (the pod was evicted and rescheduled): the baseline lives in the state ConfigMap.
        var run = Once(dir, InArrival);
        Assert.Equal(65, run.Replicas);
        Assert.DoesNotContain(run.Calls, c => c.Contains("patch configmap"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Pulumi_up_mid_window_keeps_the_count_and_a_new_schedule_applies_at_the_next_look(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom);
        Pods(dir, Named("attendee", 20));
        Assert.Equal(57, Once(dir, InArrival).Replicas);
        // `pulumi up` with 90 seats: the placeholder pods are not in the manifests and server-side apply leaves the
        // state ConfigMap's data alone (not in the manifest); the ConfigMap gets the new schedule and the scaler
        // restarts (checksum on its pod template).
        File.WriteAllText(Path.Combine(dir, "schedule"), PlaceholderScaler.Schedule(Hackathon()).Replace(" 77 ", " 90 "));
        Assert.Equal(70, Once(dir, InArrival + Duration.FromSeconds(30)).Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_state_configmap_recreated_mid_window_warms_more_never_fewer_seats(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom);
        Pods(dir, Named("attendee", 20));
        Assert.Equal(57, Once(dir, InArrival).Replicas);
        // Emptied (recreated by `pulumi up` after a manual delete): no baseline.
        foreach (var f in Directory.GetFiles(dir, "state-*")) File.Delete(f);
        Assert.Equal(77, Once(dir, InArrival + Duration.FromSeconds(30)).Replicas); // the 20 become the new baseline
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Phases_are_half_open_to_the_second_so_clock_skew_shifts_them_by_exactly_the_skew(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Assert.Equal(0, Once(dir, WarmFrom - Duration.FromSeconds(1)).Replicas);
        Assert.Equal(77, Once(dir, WarmFrom).Replicas);
        var release = Instant.FromUtc(2027, 3, 6, 15, 0);
        Assert.Equal(77, Once(dir, release - Duration.FromSeconds(1)).Replicas);
        Assert.Equal(7, Once(dir, release).Replicas);
        Assert.Equal(7, Once(dir, CoolAt - Duration.FromSeconds(1)).Replicas);
        Assert.Equal(0, Once(dir, CoolAt).Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void When_the_state_configmap_is_gone_mid_window_it_fails_loudly_and_writes_nothing(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 3, PlaceholderScaler.Schedule(Hackathon()));
        File.WriteAllText(Path.Combine(dir, "no-state"), ""); // `pulumi destroy` of the event is removing its namespace
        var run = Once(dir, InArrival);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot read the baseline", run.Stderr);
        Assert.False(Scaled(run));
        Assert.Equal(3, run.Replicas);
    }

    /// <summary>Six warm seats, two per node on nodes a, b, c (and one pending), on the event's workshop hub.</summary>
    private string Packed(int seats)
    {
        var from = InArrival - Duration.FromHours(1);
        var dir = Cluster("a", 0, $"{from.ToUnixTimeSeconds()} {(from + Duration.FromHours(4)).ToUnixTimeSeconds()} {seats} -1 {from.ToUnixTimeSeconds()}\n");
        File.WriteAllLines(Path.Combine(dir, "placeholders"),
        [
            "ph-a1|node-a|Running|", "ph-a2|node-a|Running|", "ph-pending||Pending|", "ph-b1|node-b|Running|",
            "ph-b2|node-b|Running|", "ph-c1|node-c|Running|", "ph-c2|node-c|Running|", "ph-d1|node-d|Running|",
        ]);
        // Servers: 5 on node-a, 1 on node-b, 3 on node-c, 1 on node-d.
        Pods(dir, [.. Named("a", 5).Select(n => $"{n}|node-a"), "jupyter-b1|node-b", .. Named("c", 3).Select(n => $"{n}|node-c"), "jupyter-d1|node-d"]);
        return dir;
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_surplus_goes_pending_first_then_from_the_nodes_with_the_most_servers(string shell)
    {
        _shell = shell;
        var dir = Packed(seats: 10 + 3); // 10 servers: 3 placeholders wanted of 8
        var run = Once(dir, InArrival, baseline: "none");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Replicas);
        // pending; node-a (5 servers) both; node-c (3) both: the free seats stay on the emptiest nodes b and d.
        Assert.Equal(["ph-pending", "ph-a1", "ph-a2", "ph-c1", "ph-c2"], run.Deleted);
        Assert.Equal(["ph-b1|node-b|Running|", "ph-b2|node-b|Running|", "ph-d1|node-d|Running|"], Placeholders(dir));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Nodes_with_as_many_servers_lose_placeholders_in_node_name_order(string shell)
    {
        _shell = shell;
        var dir = Packed(seats: 10 + 1);
        var run = Once(dir, InArrival, baseline: "none");
        Assert.Equal(1, run.Replicas);
        Assert.Equal(["ph-d1|node-d|Running|"], Placeholders(dir)); // b and d both hold 1 server: b goes first
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_preempted_placeholder_is_not_recreated(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom);
        Schedule(dir, i => $"node-{i / 7}");
        Assert.False(Scaled(Once(dir, WarmFrom + Duration.FromMinutes(1))));
        // Two attendees arrive and preempt two placeholders on node-3: one is gone, one is still terminating.
        var lines = Placeholders(dir).ToList();
        var victims = lines.Where(l => l.Contains("|node-3|")).Take(2).ToList();
        lines.Remove(victims[0]);
        lines[lines.IndexOf(victims[1])] = victims[1].Replace("|Running|", "|Running|2027-03-06T14:05:00Z");
        File.WriteAllLines(Path.Combine(dir, "placeholders"), lines);
        Pods(dir, "jupyter-attendee1|node-3", "jupyter-attendee2|node-3");
        var run = Once(dir, InArrival);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(75, run.Replicas);
        Assert.False(Scaled(run)); // 77 warm seats − 2 attendees = 75 placeholders, which exist: nothing asks for a new node
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_evicted_placeholder_is_cleaned_up_and_its_seat_created_again(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        Once(dir, WarmFrom);
        Schedule(dir, i => i == 0 ? "node-0" : $"node-{i / 7}");
        var lines = Placeholders(dir);
        lines[0] = lines[0].Replace("|Running|", "|Failed|");
        File.WriteAllLines(Path.Combine(dir, "placeholders"), lines);
        var run = Once(dir, WarmFrom + Duration.FromMinutes(1));
        Assert.Equal(77, run.Replicas);
        Assert.Single(run.Created);
        Assert.Equal([lines[0].Split('|')[0]], run.Deleted);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_create_that_fails_part_way_fails_loudly_and_the_next_look_creates_only_the_rest(string shell)
    {
        _shell = shell;
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        File.WriteAllText(Path.Combine(dir, "create-quota"), "30");
        var run = Once(dir, WarmFrom);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR: cannot create 77 placeholder(s)", run.Stderr);
        Assert.Contains("the next look recounts", run.Stderr);
        Assert.Equal(30, run.Replicas);
        File.Delete(Path.Combine(dir, "create-quota"));
        var next = Once(dir, WarmFrom + Duration.FromSeconds(30));
        Assert.Equal(0, next.ExitCode);
        Assert.Equal(47, next.Created.Count);
        Assert.Equal(77, next.Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_large_event_deletes_its_surplus_of_thousands_of_placeholders(string shell)
    {
        _shell = shell;
        // 2,500 placeholders "NAME|NODE" are ~150 KB: more than Linux lets one argument of a program be (128 KiB).
        var from = InArrival - Duration.FromHours(1);
        var dir = Cluster("a", 0, $"{from.ToUnixTimeSeconds()} {(from + Duration.FromHours(4)).ToUnixTimeSeconds()} 100 -1 {from.ToUnixTimeSeconds()}\n");
        File.WriteAllLines(Path.Combine(dir, "placeholders"),
            Enumerable.Range(1, 2500).Select(i => $"hackathon-2027-placeholder-{i:D5}|gke-hub-user-pool-0123abcd-{i / 7:D4}|Running|"));
        var run = Once(dir, InArrival, baseline: "none");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(100, run.Replicas);
        Assert.Equal(2400, run.Deleted.Count);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_baseline_of_thousands_of_regular_servers_is_stored(string shell)
    {
        _shell = shell;
        // 7,000 names of ~20 characters: a patch of ~150 KB, too long for one argument (kubectl patch -p).
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var regulars = Named("regular-user-", 7000);
        Pods(dir, regulars);
        var run = Once(dir, WarmFrom);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(77, run.Replicas);
        Pods(dir, [.. regulars, .. Named("attendee", 10)]);
        Assert.Equal(67, Once(dir, InArrival).Replicas);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Without_get_on_its_state_configmap_the_scaler_cannot_store_a_baseline(string shell)
    {
        _shell = shell;
        // kubectl patch reads the object before patching it: a Role with patch but not get would break the scaler.
        // The fake API refuses what the Role does not grant, so this Role change fails here, not in the cluster.
        var dir = Cluster("a", 0, PlaceholderScaler.Schedule(Hackathon()));
        var rbac = Path.Combine(dir, "rbac");
        File.WriteAllLines(rbac, File.ReadAllLines(rbac).Where(l => !l.Contains(" configmaps get ")));
        var run = Once(dir, WarmFrom);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Forbidden", run.Stderr);
        Assert.False(Scaled(run));
    }
}
