using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HubInfra.Core.Scaling;
using HubInfra.Core.Scripts;

namespace HubInfra.Core.Planning;

/// <summary>
/// The one small scaler per event that keeps its warm seats: a Deployment (one replica) in the event's own namespace
/// running <c>Scripts/placeholder-scaler.sh</c> in a loop, which reads the event's <see cref="ScalerSpec"/> (a schedule
/// file and its environment) and applies <see cref="WarmSeatPolicy"/> every interval: placeholder pods created from the
/// pod template and deleted in the policy's order, or a CapacityBuffer's <c>spec.replicas</c> patched.
/// </summary>
public static class PlaceholderScaler
{
    /// <summary>
    /// kubectl and a POSIX sh (busybox): alpine/k8s, pinned per release channel so that kubectl stays within one minor
    /// of the cluster's API server (<see cref="Kubernetes.KubectlImage"/>, which cites the channel table and the skew policy).
    /// </summary>
    public static string KubectlImageFor(EventPlan plan) => Kubernetes.KubectlImage.For(plan.ReleaseChannel).Image.Reference;

    public const string ScriptFile = "placeholder-scaler.sh";

    public const string ScheduleFile = "schedule";

    /// <summary>The placeholder pod template in the scaler's ConfigMap (<see cref="EventManifests.PlaceholderTemplate"/>).</summary>
    public const string TemplateFile = "placeholder.yaml";

    public const string MountPath = "/etc/hubinfra";

    /// <summary>Attendees' servers: z2jh user pods carry <c>component=singleuser-server</c> (set by KubeSpawner).</summary>
    public const string AttendeeSelector = "component=singleuser-server";

    /// <summary>The shell script, exactly as the scaler runs it.</summary>
    public static string Script { get; } = ClusterScripts.Load(ScriptFile);

    /// <summary>The schedule as the script reads it (see <see cref="ScalerSpec.Schedule"/>).</summary>
    public static string Schedule(EventPlan plan) => plan.Scaler.Schedule();

    /// <summary>The file the scaler touches after every look; its liveness probe fails when it grows stale.</summary>
    public const string HeartbeatFile = HeartbeatDirectory + "/heartbeat";

    /// <summary>An emptyDir of the scaler's pod that holds only <see cref="HeartbeatFile"/>.</summary>
    public const string HeartbeatDirectory = "/run/hubinfra";

    /// <summary>Seconds without a finished look after which the kubelet restarts the scaler (several missed looks).</summary>
    public const int HeartbeatStaleSeconds = 300;

    /// <summary>A short hash of the scaler's inputs, put on its pod template so a new schedule restarts it at once.</summary>
    public static string Checksum(EventPlan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Schedule(plan) + Script + EventManifests.PlaceholderTemplateYaml(plan))))[..16];
}
