using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HubInfra.Core.Planning;

/// <summary>
/// The one small scaler per event that moves its placeholders: a Deployment (one replica) in the event's own
/// namespace running <c>Scripts/placeholder-scaler.sh</c> in a loop, which reads the event's schedule (plain data in a
/// ConfigMap) and, every <see cref="IntervalSeconds"/>, keeps placeholder pods = planned seats − the event's
/// attendees' servers, capped at the late headroom after the arrival phase, 0 outside the warm windows: it creates the
/// missing ones from the pod template and deletes the surplus, pending ones first, then those on the nodes with the
/// most user servers. A preempted placeholder is not recreated.
/// </summary>
public static class PlaceholderScaler
{
    /// <summary>
    /// kubectl and a POSIX sh (busybox): alpine/k8s, pinned per release channel so that kubectl stays within one minor
    /// of the cluster's API server (<see cref="Kubernetes.KubectlImage"/>, which cites the channel table and the skew policy).
    /// </summary>
    public static string KubectlImageFor(EventPlan plan) => Kubernetes.KubectlImage.For(plan.ReleaseChannel).Image.Reference;

    /// <summary>Seconds between two looks at the attendees: arrivals are tracked within this (at most 60 s).</summary>
    public const int IntervalSeconds = 30;

    public const string ScriptFile = "placeholder-scaler.sh";

    public const string ScheduleFile = "schedule";

    /// <summary>The placeholder pod template in the scaler's ConfigMap (<see cref="EventManifests.PlaceholderTemplate"/>).</summary>
    public const string TemplateFile = "placeholder.yaml";

    public const string MountPath = "/etc/hubinfra";

    /// <summary>Attendees' servers: z2jh user pods carry <c>component=singleuser-server</c> (set by KubeSpawner).</summary>
    public const string AttendeeSelector = "component=singleuser-server";

    /// <summary>The shell script, exactly as the scaler runs it.</summary>
    public static string Script { get; } = ClusterScripts.Load(ScriptFile);

    /// <summary>
    /// <c>none</c> on the event's own workshop hub (every server there is an attendee's); <c>warm-up</c> on a shared
    /// community hub (servers already running when a warm window starts are regular users and never counted).
    /// </summary>
    public static string BaselineMode(EventPlan plan) => plan.WorkshopHub is not null ? "none" : "warm-up";

    /// <summary>The schedule as the script reads it: one phase a line, Unix seconds, with a readable comment.</summary>
    public static string Schedule(EventPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("# FROM UNTIL SEATS CAP WARMFROM  (Unix seconds, [FROM, UNTIL); CAP -1 = every seat warm)\n");
        foreach (var p in plan.Phases)
            sb.Append(CultureInfo.InvariantCulture,
                $"{p.From.ToUnixTimeSeconds()} {p.Until.ToUnixTimeSeconds()} {p.Seats} {p.HeadroomCap ?? -1} {p.WarmFrom.ToUnixTimeSeconds()}" +
                $"  # {PlanDocument.Utc(p.From)} {(p.IsArrival ? "arrival" : "release")}\n");
        return sb.ToString();
    }

    /// <summary>A short hash of the scaler's inputs, put on its pod template so a new schedule restarts it at once.</summary>
    public static string Checksum(EventPlan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Schedule(plan) + Script + EventManifests.PlaceholderTemplateYaml(plan))))[..16];
}
