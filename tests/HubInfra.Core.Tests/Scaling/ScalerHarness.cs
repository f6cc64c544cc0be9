using System.Diagnostics;
using System.Globalization;
using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Tests.Scaling;

/// <summary>
/// Runs the shipped scaler script (<c>Scripts/placeholder-scaler.sh</c>) as the cluster runs it, with the fake
/// <c>kubectl</c> (tests/.../Scripts/kubectl) on PATH, a fixed clock (<c>NOW_EPOCH</c>), the event's own RBAC and
/// environment, and a cluster state written from a <see cref="ScalerView"/>: so the script and
/// <see cref="WarmSeatPolicy"/> can be given the very same look and compared.
/// </summary>
public sealed class ScalerHarness
{
    public ScalerHarness(string dir, string shell, EventPlan plan)
    {
        Dir = dir;
        Shell = shell;
        Plan = plan;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "schedule"), plan.Scaler.Schedule());
        File.WriteAllText(Path.Combine(dir, "scaler.sh"), PlaceholderScaler.Script);
        File.WriteAllText(Path.Combine(dir, "placeholder.yaml"), EventManifests.PlaceholderTemplateYaml(plan));
        File.WriteAllLines(Path.Combine(dir, "rbac"), Rbac(EventManifests.Build(plan)));
        if (plan.Backend == CapacityBackend.CapacityBuffer) File.WriteAllText(Path.Combine(dir, "buffer-replicas"), "0\n");
    }

    public string Dir { get; }
    public string Shell { get; }
    public EventPlan Plan { get; }

    /// <summary>What one run did: status, output, the pods it created and deleted, the kubectl calls.</summary>
    public sealed record ScriptRun(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Created, IReadOnlyList<string> Deleted,
        IReadOnlyList<string> Calls, int LivePlaceholders, int? BufferReplicas);

    /// <summary>Writes the cluster as <paramref name="view"/> sees it (placeholders, the hub's servers, the buffer).</summary>
    public void Write(ScalerView view)
    {
        File.WriteAllLines(Path.Combine(Dir, "placeholders"),
            view.Placeholders.Select(p => p.Node is null ? $"{p.Name}||Pending|" : $"{p.Name}|{p.Node}|Running|"));
        File.WriteAllLines(Path.Combine(Dir, "pods"),
            view.Servers.Select(s => $"{s.Name}|{s.Node}|{(s.Node is null ? "Pending" : "Running")}||{(s.Created is { } c ? Rfc3339(c) : "")}"));
        if (Plan.Backend == CapacityBackend.CapacityBuffer)
            File.WriteAllText(Path.Combine(Dir, "buffer-replicas"), $"{view.BufferReplicas}\n");
    }

    public static string Rfc3339(Instant i) => InstantPattern.General.Format(Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds()));

    /// <summary>Writes <paramref name="view"/> and runs one look at its time.</summary>
    public ScriptRun Look(ScalerView view, Dictionary<string, string>? env = null)
    {
        Write(view);
        return Once(view.Now, env);
    }

    public ScriptRun Once(Instant now, Dictionary<string, string>? env = null, string mode = "once")
    {
        var script = Path.Combine(Dir, "scaler.sh");
        string[] args = Shell == "busybox" ? ["sh", script, mode] : [script, mode];
        var start = new ProcessStartInfo(Shell, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var fakes = Path.Combine(AppContext.BaseDirectory, "Scripts");
        start.Environment["PATH"] = Shell == "busybox"
            ? $"{fakes}:{BusyboxApplets()}:{Environment.GetEnvironmentVariable("PATH")}"
            : $"{fakes}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_DIR"] = Dir;
        start.Environment["NOW_EPOCH"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        // The scaler's own environment, exactly as the Deployment sets it (paths point into this folder).
        foreach (var (k, v) in ScalerEnvironment(Plan))
            start.Environment[k] = v;
        start.Environment["SCHEDULE_FILE"] = Path.Combine(Dir, "schedule");
        start.Environment["TEMPLATE_FILE"] = Path.Combine(Dir, "placeholder.yaml");
        start.Environment["HEARTBEAT_FILE"] = Path.Combine(Dir, "heartbeat");
        // The fake cluster: which namespace holds what, the placeholders' labels, the state ConfigMap, the buffer.
        start.Environment["FAKE_CAPACITY_NS"] = Plan.CapacityNamespace;
        start.Environment["FAKE_HUB_NS"] = Plan.Namespace;
        start.Environment["FAKE_PLACEHOLDER_LABELS"] = EventManifests.PlaceholderSelectorText(Plan);
        start.Environment["FAKE_STATE_CONFIGMAP"] = EventManifests.StateName(Plan);
        start.Environment["FAKE_BUFFER"] = EventManifests.BufferName(Plan);
        foreach (var (k, v) in env ?? [])
            start.Environment[k] = v;
        foreach (var f in new[] { "calls.log", "created.log", "deleted.log" })
            File.Delete(Path.Combine(Dir, f));
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "the scaler did not finish within 60 s");
        var live = Lines("placeholders").Count(l => l.Split('|') is var f && f[2] is not ("Succeeded" or "Failed") && f[3].Length == 0);
        int? buffer = File.Exists(Path.Combine(Dir, "buffer-replicas"))
            ? int.Parse(File.ReadAllText(Path.Combine(Dir, "buffer-replicas")).Trim(), CultureInfo.InvariantCulture)
            : null;
        return new ScriptRun(p.ExitCode, stdout.Result, stderr.Result, Lines("created.log"), Lines("deleted.log"), Lines("calls.log"), live, buffer);
    }

    /// <summary>The Deployment's environment variables (<see cref="EventManifests"/>), by name.</summary>
    public static IEnumerable<(string, string)> ScalerEnvironment(EventPlan plan)
    {
        var deployment = EventManifests.Build(plan).Single(m => (string?)m["kind"] == "Deployment");
        var spec = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)deployment["spec"]!)["template"]!)["spec"]!;
        var container = (Dictionary<string, object?>)((List<object?>)spec["containers"]!)[0]!;
        foreach (var e in ((List<object?>)container["env"]!).Cast<Dictionary<string, object?>>())
            yield return ((string)e["name"]!, (string)e["value"]!);
    }

    public IReadOnlyList<string> Lines(string file)
    {
        var path = Path.Combine(Dir, file);
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToArray() : [];
    }

    public string? State(string key) => File.Exists(Path.Combine(Dir, $"state-{key}")) ? File.ReadAllText(Path.Combine(Dir, $"state-{key}")) : null;

    /// <summary>
    /// What the scaler's ServiceAccount may do, from the event's own Roles (one line per namespace, resource, verb and
    /// resource name): the fake kubectl refuses anything else with Forbidden, as the API server's RBAC would.
    /// </summary>
    public static IEnumerable<string> Rbac(IReadOnlyList<Dictionary<string, object?>> manifests)
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

    /// <summary>The system's POSIX sh, and busybox's sh (the shell of the alpine image in the cluster) where installed.</summary>
    public static TheoryData<string> Shells()
    {
        var shells = new TheoryData<string> { "sh" };
        if (File.Exists("/usr/bin/busybox") || File.Exists("/bin/busybox")) shells.Add("busybox");
        return shells;
    }

    /// <summary>
    /// In the alpine image every tool the script calls (awk, sed, sort, tr, mktemp, ...) is a busybox applet, not GNU's:
    /// with the busybox shell the tests put busybox's applets first on PATH, so the script meets the same tools.
    /// </summary>
    private string BusyboxApplets()
    {
        var dir = Path.Combine(Dir, "..", $"busybox-bin-{Path.GetFileName(Dir)}");
        if (Directory.Exists(dir)) return dir;
        Directory.CreateDirectory(dir);
        var busybox = File.Exists("/usr/bin/busybox") ? "/usr/bin/busybox" : "/bin/busybox";
        foreach (var applet in new[] { "awk", "sed", "sort", "tr", "mktemp", "head", "cat", "date", "sleep", "rm", "printf", "grep", "cut", "touch", "mv", "tail", "wc" })
            File.CreateSymbolicLink(Path.Combine(dir, applet), busybox);
        return dir;
    }
}
