using HubInfra.Core.Scaling;
using HubInfra.Core.Planning;
using NodaTime;
using HubInfra.Core.Kubernetes;

namespace HubInfra.Core.Tests.Planning;

public class EventPlanTests
{
    /// <summary>A valid three-hour event on community-small's main hub, to mutate in tests.</summary>
    private const string SmallEvent = """
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: community-small
            hub: main
            profile: small
            timeZone: Europe/Berlin
            attendees: 20
            windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]
        """;

    private static EventPlan PlanOf(string stack, CapacityBackend? backend = null)
    {
        var loaded = TestStacks.Example(stack);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var plan = loaded.Plan!;
        return backend is { } b ? plan with { Scaler = plan.Scaler with { Backend = b } } : plan;
    }

    [Fact]
    public void Hackathon_plan_sizes_seats_from_the_cpu_guarantee_and_counts_nodes_hours_and_cost()
    {
        var plan = PlanOf("hackathon-2027");
        // n2-highmem-4: 4 vCPU − 0.08 reserved − 0.4 DaemonSets = 3.52 free; 3.52 / 0.5 = 7 seats (memory would allow 9).
        Assert.Equal(7, plan.Pool.SeatsPerNode);
        Assert.Equal(72, plan.PeakSeats); // 80 × 0.9
        Assert.Equal(11, plan.PeakNodes); // ceil(72 / 7)
        var window = Assert.Single(plan.Windows);
        // 09:00–18:00 America/New_York on 2027-03-06 (EST, UTC−5), warm 45 min before, 30 min after.
        Assert.Equal(Instant.FromUtc(2027, 3, 6, 13, 15), window.WarmFrom);
        Assert.Equal(Instant.FromUtc(2027, 3, 6, 23, 30), window.CoolAt);
        Assert.Equal(11 * 10.25, window.NodeHours);
        Assert.Equal(11 * 10.25 * (4 * 0.031611 + 32 * 0.004237), window.Cost, 9);
    }

    [Fact]
    public void Summer_school_plans_ten_weekdays_on_a_dedicated_pool_with_headroom()
    {
        var plan = PlanOf("summer-school-2027");
        Assert.Equal(10, plan.Windows.Count);
        Assert.Equal(340, plan.PeakSeats); // 400 × 0.85
        Assert.Equal(15, plan.Pool.SeatsPerNode);
        Assert.Equal(23, plan.PeakNodes);
        Assert.NotNull(plan.Pool.Dedicated);
        Assert.Equal(24, plan.Pool.Dedicated!.MaxNodes); // peak + 1 headroom
        Assert.Equal("summer-school-2027", plan.Pool.Dedicated.NodeLabels[Labels.Event]);
        Assert.Equal("cpu", plan.Pool.Dedicated.NodeLabels[Labels.NodePool]);
        Assert.Contains(plan.Pool.Dedicated.Taints, t => t.Key == Labels.DedicatedTaint && t.Value == "user" && t.Effect == "NO_SCHEDULE");
        Assert.Equal(2, plan.Exclusions.Exclusions.Count); // the weekend (63 h) is longer than the 48 h merge gap
    }

    [Fact]
    public void Hackathon_keeps_every_seat_warm_for_the_arrival_hour_then_one_node_of_headroom()
    {
        var plan = PlanOf("hackathon-2027");
        Assert.Equal(30, plan.TrackingIntervalSeconds);
        Assert.Equal(60, plan.ReleaseAfterMinutes);
        Assert.Equal(7, plan.HeadroomSeats); // default: one node's seats
        var start = Instant.FromUtc(2027, 3, 6, 14, 0); // 09:00 New York
        var warmFrom = Instant.FromUtc(2027, 3, 6, 13, 15);
        Assert.Equal(
            [
                new ScalerPhase(warmFrom, start + Duration.FromHours(1), ScalerPhaseKind.Arrival, 77, warmFrom, start, 36),
                new ScalerPhase(start + Duration.FromHours(1), Instant.FromUtc(2027, 3, 6, 23, 30), ScalerPhaseKind.Release, 77, warmFrom, start, 36),
            ],
            plan.Phases);
        Assert.Equal(6, plan.Scaler.ArrivalSlots); // one node's seats less one
        Assert.Equal(AttendeeRule.CreatedSinceWarmUp, plan.Scaler.Attendees); // a shared community hub
        var window = Assert.Single(plan.Windows);
        // 72 seats planned on 11 nodes of 7: the scaler warms all 77 seats of those nodes (the spare 5 cost nothing and
        // leave no free seat beside placeholders for the packing scheduler to strand a user on).
        Assert.Equal(72, window.Seats);
        Assert.Equal(77, window.WarmSeats);
        Assert.Equal(start + Duration.FromHours(1), window.ReleaseAt);
        Assert.Equal(11 * 1.75, window.ArrivalNodeHours); // 13:15–15:00 with all 11 nodes
        Assert.Equal(1 * 8.5, window.ReleaseNodeHours);   // 15:00–23:30 holding one node beyond those who came
    }

    [Fact]
    public void Plan_json_describes_tracking_and_release_for_machines_and_both_phases_per_window()
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory, "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(30, root.GetProperty("tracking").GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(60, root.GetProperty("release").GetProperty("afterMinutes").GetInt32());
        Assert.Equal(7, root.GetProperty("release").GetProperty("headroomSeats").GetInt32());
        var window = root.GetProperty("windows")[0];
        Assert.Equal("2027-03-06T15:00:00Z", window.GetProperty("arrival").GetProperty("until").GetString());
        Assert.Equal(19.25, window.GetProperty("arrival").GetProperty("nodeHours").GetDouble());
        Assert.Equal(8.5, window.GetProperty("release").GetProperty("nodeHours").GetDouble());
        Assert.Equal(-10, root.GetProperty("placeholderPriority").GetProperty("value").GetInt32());
    }

    [Fact]
    public void Plan_table_shows_both_phases()
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory);
        Assert.True(exit == 0, err);
        Assert.Contains("every 30 s", output);
        Assert.Matches(@"windows\[0\]\s+2027-03-06\s+arrival\s+13:15–15:00\s+77\s+11\s+19\.25", output); // every seat of the 11 planned nodes
        Assert.Matches(@"windows\[0\]\s+2027-03-06\s+release\s+15:00–23:30\s+7 free\s+1\s+8\.5", output);
    }

    [Fact]
    public void Windows_merged_into_one_warm_window_each_open_their_own_arrival_phase()
    {
        var zone = DateTimeZone.Utc;
        HubInfra.Core.Schedule.EventWindow W(int h1, int m1, int h2, int m2) => new(
            new LocalDateTime(2027, 5, 3, h1, m1).InZoneStrictly(zone), new LocalDateTime(2027, 5, 3, h2, m2).InZoneStrictly(zone), 40, "w");
        var warm = Assert.Single(HubInfra.Core.Schedule.WarmSchedule.Build([W(9, 0, 12, 0), W(12, 30, 15, 0)], Duration.FromMinutes(30), Duration.FromMinutes(15)));
        Instant T(int h, int m) => Instant.FromUtc(2027, 5, 3, h, m);
        Assert.Equal(
            [
                new ScalerPhase(T(8, 30), T(10, 0), ScalerPhaseKind.Arrival, 40, T(8, 30), T(9, 0), 20),
                new ScalerPhase(T(10, 0), T(12, 0), ScalerPhaseKind.Release, 40, T(8, 30), T(12, 30), 20),
                new ScalerPhase(T(12, 0), T(13, 30), ScalerPhaseKind.Arrival, 40, T(8, 30), T(12, 30), 20),
                new ScalerPhase(T(13, 30), T(15, 15), ScalerPhaseKind.Release, 40, T(8, 30), T(12, 30), 20),
            ],
            EventPlan.PhasesOf(warm, 40, Duration.FromMinutes(30), Duration.FromMinutes(60), 20));
        // An arrival phase longer than the window: every seat stays warm until the window cools, no release phase.
        var only = EventPlan.PhasesOf(warm, 40, Duration.FromMinutes(30), Duration.FromHours(8));
        Assert.All(only, p => Assert.True(p.IsArrival));
        Assert.Equal(T(15, 15), only[^1].Until);
    }

    [Fact]
    public void A_fifteen_week_course_is_ten_kubernetes_objects_whatever_its_number_of_windows()
    {
        var community = TestStacks.Example("community-gpu").Community!;
        var yaml = File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.summer-school-2027.yaml"))
            .Replace("to: 2027-07-16", "to: 2027-10-15").Replace("days: [Mon, Tue, Wed, Thu, Fri]", "days: [Mon, Wed, Fri]");
        var ev = TestStacks.Inline(yaml, "course", _ => community);
        var plan = TestStacks.PlanOf(ev.Event!, community);
        Assert.Equal(45, plan.Windows.Count); // the CronJob design needed 2 × 45 + 1 = 91 CronJobs
        Assert.Equal(90, plan.Phases.Count);
        Assert.Equal(
            ["PriorityClass", "Namespace", "ServiceAccount", "Role", "RoleBinding", "Role", "RoleBinding", "ConfigMap", "ConfigMap", "Deployment"],
            EventManifests.Build(plan).Select(m => (string)m["kind"]!));
    }

    [Fact]
    public void Arrival_and_headroom_settings_change_the_phases()
    {
        var community = TestStacks.Example("community-small").Community!;
        var ev = TestStacks.Inline(SmallEvent.Replace("attendees: 20", "attendees: 20\n    arrivalMinutes: 15\n    lateHeadroomSeats: 3"), "e", _ => community);
        Assert.DoesNotContain(ev.Errors, e => e.Key is "hubinfra:event.arrivalMinutes" or "hubinfra:event.lateHeadroomSeats");
        var plan = TestStacks.PlanOf(ev.Event!, community);
        Assert.Equal(3, plan.HeadroomSeats);
        Assert.Equal(15, plan.ReleaseAfterMinutes);
        Assert.Equal(Instant.FromUtc(2027, 5, 1, 7, 15), plan.Windows[0].ReleaseAt); // 09:00 Berlin (UTC+2) + 15 min
        Assert.False(plan.Phases[^1].IsArrival);
        Assert.Equal(3, plan.Scaler.HeadroomSeats);
    }

    [Fact]
    public void Negative_arrival_or_headroom_is_an_error_at_its_key()
    {
        var community = TestStacks.Example("community-small").Community!;
        var ev = TestStacks.Inline(SmallEvent.Replace("attendees: 20", "attendees: 20\n    arrivalMinutes: -5\n    lateHeadroomSeats: -1"), "e", _ => community);
        Assert.Contains(ev.Errors, e => e.Key == "hubinfra:event.arrivalMinutes");
        Assert.Contains(ev.Errors, e => e.Key == "hubinfra:event.lateHeadroomSeats");
    }

    [Fact]
    public void Placeholders_request_the_profile_guarantee_below_user_priority_on_the_user_scheduler()
    {
        var plan = PlanOf("hackathon-2027");
        var spec = EventManifests.PlaceholderPodSpec(plan);
        Assert.Equal("hackathon-2027-placeholder-priority", spec["priorityClassName"]);
        Assert.Equal("main-user-scheduler", spec["schedulerName"]);
        var container = (Dictionary<string, object?>)((List<object?>)spec["containers"]!)[0]!;
        var requests = (Dictionary<string, object?>)((Dictionary<string, object?>)container["resources"]!)["requests"]!;
        Assert.Equal("0.5", requests["cpu"]);
        Assert.Equal("3Gi", requests["memory"]);
    }

    [Fact]
    public void The_scaler_manages_pods_only_in_its_own_namespace_and_only_lists_the_hubs()
    {
        var plan = PlanOf("hackathon-2027", CapacityBackend.Placeholders);
        var manifests = EventManifests.Build(plan);
        string Ns(Dictionary<string, object?> m) => (string)((Dictionary<string, object?>)m["metadata"]!).GetValueOrDefault("namespace")!;
        List<Dictionary<string, object?>> RulesIn(string ns) => manifests.Where(m => (string)m["kind"]! == "Role" && Ns(m) == ns)
            .SelectMany(m => ((List<object?>)m["rules"]!).Cast<Dictionary<string, object?>>()).ToList();
        List<object?> L(params string[] items) => [.. items];
        // Its own namespace: the placeholders' pods (nothing else lives there) and its one state ConfigMap by name.
        var own = RulesIn("hackathon-2027-capacity");
        Assert.Equal(L("create", "list", "delete"), own.Single(r => ((List<object?>)r["resources"]!).Contains("pods"))["verbs"]);
        var state = own.Single(r => ((List<object?>)r["resources"]!).Contains("configmaps"));
        Assert.Equal(L("hackathon-2027-scaler-state"), state["resourceNames"]);
        Assert.Equal(L("get", "patch"), state["verbs"]);
        Assert.Equal(2, own.Count);
        // The hub's namespace: list pods to count servers, nothing more.
        var hub = Assert.Single(RulesIn("main"));
        Assert.Equal(L("list"), hub["verbs"]);
        Assert.Equal(L("pods"), hub["resources"]);
        // The namespace holds nothing but the scaler and its placeholders.
        Assert.All(manifests.Where(m => Ns(m) == "hackathon-2027-capacity"),
            m => Assert.Contains((string)m["kind"]!, new[] { "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Deployment" }));
        Assert.Single(manifests, m => (string)m["kind"]! == "Deployment");
        // With a CapacityBuffer the scaler may touch no pod in its namespace: get and patch its one buffer, by name.
        var buffer = EventManifests.ScalerRules(plan with { Scaler = plan.Scaler with { Backend = HubInfra.Core.Scaling.CapacityBackend.CapacityBuffer } })
            .Cast<Dictionary<string, object?>>().ToList();
        Assert.DoesNotContain(buffer, r => ((List<object?>)r["resources"]!).Contains("pods"));
        var b = buffer.Single(r => ((List<object?>)r["resources"]!).Contains("capacitybuffers"));
        Assert.Equal(L("autoscaling.x-k8s.io"), b["apiGroups"]);
        Assert.Equal(L("hackathon-2027-seats"), b["resourceNames"]);
        Assert.Equal(L("get", "patch"), b["verbs"]);
    }

    [Fact]
    public void The_placeholder_template_is_a_bare_pod_in_the_events_namespace_that_the_autoscaler_may_move()
    {
        var plan = PlanOf("hackathon-2027", CapacityBackend.Placeholders);
        var pod = EventManifests.PlaceholderTemplate(plan);
        Assert.Equal("Pod", pod["kind"]);
        var meta = (Dictionary<string, object?>)pod["metadata"]!;
        Assert.Equal("hackathon-2027-capacity", meta["namespace"]);
        Assert.Equal("hackathon-2027-placeholder-", meta["generateName"]);
        Assert.False(meta.ContainsKey("name"));
        Assert.Equal("true", ((Dictionary<string, object?>)meta["annotations"]!)[EventManifests.SafeToEvict]);
        Assert.Equal(EventManifests.PlaceholderPodSpec(plan), pod["spec"]);
        var cm = EventManifests.Build(plan).Single(m => (string)m["kind"]! == "ConfigMap" && ((Dictionary<string, object?>)m["metadata"]!)["name"] is "hackathon-2027-scaler");
        Assert.Equal(EventManifests.PlaceholderTemplateYaml(plan), ((Dictionary<string, object?>)cm["data"]!)[PlaceholderScaler.TemplateFile]);
    }

    [Fact]
    public void The_scaler_mounts_its_service_account_token_and_the_placeholders_do_not()
    {
        // kubectl in the scaler's pod authenticates with the mounted ServiceAccount token (in-cluster config); the
        // pod says so itself, which wins over its ServiceAccount's setting. Placeholders call nothing.
        var plan = PlanOf("hackathon-2027");
        var deployment = EventManifests.Build(plan).Single(m => (string)m["kind"]! == "Deployment");
        var pod = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)deployment["spec"]!)["template"]!)["spec"]!;
        Assert.Equal(true, pod["automountServiceAccountToken"]);
        Assert.Equal(EventManifests.ScalerName(plan), pod["serviceAccountName"]);
        Assert.Equal(false, EventManifests.PlaceholderPodSpec(plan)["automountServiceAccountToken"]);
    }

    [Fact]
    public void Every_placeholder_priority_class_is_ours_in_the_autoscaler_range_and_never_preempts()
    {
        foreach (var stack in new[] { "hackathon-2027", "workshop-2027", "summer-school-2027" })
        {
            var plan = PlanOf(stack);
            var manifests = EventManifests.Build(plan);
            var pc = manifests.Single(m => (string)m["kind"]! == "PriorityClass");
            Assert.Equal(plan.PlaceholderPriorityClass, ((Dictionary<string, object?>)pc["metadata"]!)["name"]);
            Assert.InRange((int)pc["value"]!, -10, -1);
            Assert.True((int)pc["value"]! < ChartObjects.UserServerPriority);
            Assert.Equal("Never", pc["preemptionPolicy"]);
            Assert.Equal(false, pc["globalDefault"]);
        }
    }

    [Fact]
    public void A_peak_that_does_not_fit_the_pool_maximum_is_an_error_naming_the_fix()
    {
        var community = TestStacks.Example("community-small").Community!;
        var ev = TestStacks.Inline(SmallEvent.Replace("attendees: 20", "attendees: 500"), "big", _ => community);
        var error = Assert.Single(ev.Errors, e => e.Key == "hubinfra:event.attendees");
        Assert.Contains("needs 72 nodes", error.Message);
        Assert.Contains("autoscales to at most 20", error.Message);
    }

    [Theory]
    [InlineData("timeZone: Europe/Berlin", "timeZone: Mars/Olympus", "hubinfra:event.timeZone")]
    [InlineData("profile: small", "profile: huge", "hubinfra:event.profile")]
    [InlineData("hub: main", "hub: nope", "hubinfra:event.hub")]
    [InlineData("end: 2027-05-01T12:00", "end: 2027-05-01T08:00", "hubinfra:event.windows[0].end")]
    [InlineData("community: community-small", "community: community-missing", "hubinfra:event.community")]
    public void Bad_event_input_is_reported_at_its_key(string find, string replace, string key)
    {
        var examples = TestStacks.Examples();
        var yaml = SmallEvent.Replace(find, replace);
        var ev = TestStacks.Inline(yaml, "ev", examples.Community);
        Assert.Contains(ev.Errors, e => e.Key == key);
    }

    [Fact]
    public void An_event_whose_windows_are_past_is_a_warning_naming_the_stack_to_destroy()
    {
        var ev = TestStacks.Inline(SmallEvent.Replace("2027-05-01", "2025-05-01"), "old-event", TestStacks.Examples().Community);
        var warning = Assert.Single(ev.Problems, p => p.Severity == HubInfra.Core.Config.Severity.Warning);
        Assert.Contains("pulumi destroy -s old-event", warning.Message);
        Assert.DoesNotContain(ev.Errors, e => e.Key == "hubinfra:event.windows");
    }

    [Fact]
    public void An_event_longer_than_a_gke_exclusion_is_told_why_its_exclusion_has_the_node_scope_once()
    {
        var yaml = SmallEvent.Replace("windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]",
            "daily: [ { from: 2027-05-03, to: 2027-06-25, start: \"09:00\", end: \"17:00\", days: [Mon, Tue, Wed, Thu, Fri, Sat] } ]");
        var ev = TestStacks.Inline(yaml, "long-course", TestStacks.Examples().Community, communityElsewhere: true);
        // One problem at the key: the entry to add, why it has that scope, and from when GKE accepts it.
        var problem = Assert.Single(ev.Problems, p => p.Key == "hubinfra:event.windows");
        Assert.Contains("scope: NO_MINOR_OR_NODE_UPGRADES", problem.Message);
        Assert.Contains("a warm stretch lasts more than 30 days", problem.Message);
    }

    [Fact]
    public void A_daily_range_with_except_in_the_stack_file_plans_no_window_on_those_dates()
    {
        var community = TestStacks.Example("community-small").Community!;
        var yaml = SmallEvent.Replace("    windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]",
            "    daily: [ { from: 2027-05-03, to: 2027-05-14, start: \"09:00\", end: \"12:00\", except: [2027-05-05, \"2027-05-13\"] } ]");
        var ev = TestStacks.Inline(yaml, "e", _ => community);
        Assert.DoesNotContain(TestStacks.Errors(ev), e => e.Contains("daily", StringComparison.Ordinal));
        var plan = TestStacks.PlanOf(ev.Event!, community);
        Assert.Equal(8, plan.Windows.Count);
        Assert.DoesNotContain(plan.Windows, w => w.Source.EndsWith("2027-05-05", StringComparison.Ordinal) || w.Source.EndsWith("2027-05-13", StringComparison.Ordinal));
        var wrong = TestStacks.Inline(yaml.Replace("2027-05-05", "2027-05-08"), "e", _ => community);
        Assert.Contains(TestStacks.Errors(wrong), e => e.StartsWith("hubinfra:event.daily[0].except[0]: 2027-05-08 is a Saturday", StringComparison.Ordinal));
    }
}
