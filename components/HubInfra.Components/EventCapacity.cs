using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using Pulumi;
using K8s = Pulumi.Kubernetes;
using KCore = Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Meta = Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace HubInfra.Components;

/// <summary>
/// The warm capacity of an event: placeholder pods that request the profile's guarantee, the CronJobs that scale
/// them on the event's schedule (and reconcile them with arrivals), least-privilege RBAC for those jobs, and an
/// optional dedicated node pool. All plain data comes from <see cref="EventPlan"/>, <see cref="EventManifests"/>
/// and <see cref="PlaceholderSchedule"/>; this class only maps it to Kubernetes objects.
/// </summary>
public sealed class EventCapacity : ComponentResource
{
    public EventCapacity(string name, EventPlan plan, ComponentResourceOptions options)
        : base("hubinfra:event:Capacity", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var labels = Strings(EventManifests.CommonLabels(plan));
        Meta.ObjectMetaArgs Metadata(string objectName) => new() { Name = objectName, Namespace = plan.Namespace, Labels = labels };

        var pod = EventManifests.PlaceholderPodSpec(plan);
        Placeholders = new K8s.Apps.V1.Deployment(plan.PlaceholderName, new K8s.Types.Inputs.Apps.V1.DeploymentArgs
        {
            Metadata = Metadata(plan.PlaceholderName),
            Spec = new K8s.Types.Inputs.Apps.V1.DeploymentSpecArgs
            {
                Replicas = 0,
                Selector = new Meta.LabelSelectorArgs { MatchLabels = Strings(EventManifests.PlaceholderSelector(plan)) },
                Template = new KCore.PodTemplateSpecArgs
                {
                    Metadata = new Meta.ObjectMetaArgs { Labels = Strings(EventManifests.PlaceholderSelector(plan)) },
                    Spec = PodSpec(pod),
                },
            },
        }, new CustomResourceOptions { Parent = this, IgnoreChanges = { "spec.replicas" } });

        var scaler = EventManifests.ScalerName(plan);
        ServiceAccount = new K8s.Core.V1.ServiceAccount(scaler, new KCore.ServiceAccountArgs { Metadata = Metadata(scaler) }, child);
        var role = new K8s.Types.Inputs.Rbac.V1.RoleArgs { Metadata = Metadata(scaler) };
        foreach (var rule in EventManifests.ScalerRules(plan).Cast<Dictionary<string, object?>>())
            role.Rules.Add(new K8s.Types.Inputs.Rbac.V1.PolicyRuleArgs
            {
                ApiGroups = List(rule, "apiGroups"),
                Resources = List(rule, "resources"),
                ResourceNames = List(rule, "resourceNames"),
                Verbs = List(rule, "verbs"),
            });
        Role = new K8s.Rbac.V1.Role(scaler, role, child);
        _ = new K8s.Rbac.V1.RoleBinding(scaler, new K8s.Types.Inputs.Rbac.V1.RoleBindingArgs
        {
            Metadata = Metadata(scaler),
            RoleRef = new K8s.Types.Inputs.Rbac.V1.RoleRefArgs { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = scaler },
            Subjects = { new K8s.Types.Inputs.Rbac.V1.SubjectArgs { Kind = "ServiceAccount", Name = scaler, Namespace = plan.Namespace } },
        }, new CustomResourceOptions { Parent = this, DependsOn = { Role, ServiceAccount } });

        var jobs = new List<K8s.Batch.V1.CronJob>();
        foreach (var job in PlaceholderSchedule.Jobs(plan))
        {
            jobs.Add(new K8s.Batch.V1.CronJob(job.Name, new K8s.Types.Inputs.Batch.V1.CronJobArgs
            {
                Metadata = Metadata(job.Name),
                Spec = new K8s.Types.Inputs.Batch.V1.CronJobSpecArgs
                {
                    Schedule = job.Schedule,
                    TimeZone = job.TimeZone,
                    ConcurrencyPolicy = "Forbid",
                    StartingDeadlineSeconds = job.StartingDeadlineSeconds,
                    SuccessfulJobsHistoryLimit = 1,
                    FailedJobsHistoryLimit = 3,
                    JobTemplate = new K8s.Types.Inputs.Batch.V1.JobTemplateSpecArgs
                    {
                        Spec = new K8s.Types.Inputs.Batch.V1.JobSpecArgs
                        {
                            BackoffLimit = 2,
                            ActiveDeadlineSeconds = 600,
                            Template = new KCore.PodTemplateSpecArgs
                            {
                                Spec = new KCore.PodSpecArgs
                                {
                                    ServiceAccountName = scaler,
                                    RestartPolicy = "OnFailure",
                                    Containers =
                                    {
                                        new KCore.ContainerArgs
                                        {
                                            Name = "scale",
                                            Image = PlaceholderSchedule.KubectlImage,
                                            Command = { "/bin/sh", "-c", job.Script },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            }, new CustomResourceOptions { Parent = this, DependsOn = { Placeholders } }));
        }
        CronJobs = jobs;
        RegisterOutputs();
    }

    public K8s.Apps.V1.Deployment Placeholders { get; }

    public K8s.Core.V1.ServiceAccount ServiceAccount { get; }

    public K8s.Rbac.V1.Role Role { get; }

    public IReadOnlyList<K8s.Batch.V1.CronJob> CronJobs { get; }

    /// <summary>Maps the core's placeholder pod spec (plain data) to typed Kubernetes inputs.</summary>
    private static KCore.PodSpecArgs PodSpec(Dictionary<string, object?> pod)
    {
        var spec = new KCore.PodSpecArgs
        {
            PriorityClassName = (string)pod["priorityClassName"]!,
            TerminationGracePeriodSeconds = (int)pod["terminationGracePeriodSeconds"]!,
            AutomountServiceAccountToken = (bool)pod["automountServiceAccountToken"]!,
        };
        if (pod.TryGetValue("schedulerName", out var scheduler))
            spec.SchedulerName = (string)scheduler!;
        if (pod.TryGetValue("nodeSelector", out var selector))
            spec.NodeSelector = Strings((Dictionary<string, object?>)selector!);
        if (pod.TryGetValue("tolerations", out var tolerations))
            foreach (var t in ((List<object?>)tolerations!).Cast<Dictionary<string, object?>>())
                spec.Tolerations.Add(new KCore.TolerationArgs { Key = (string)t["key"]!, Operator = (string)t["operator"]!, Value = (string)t["value"]!, Effect = (string)t["effect"]! });
        if (pod.ContainsKey("affinity"))
            spec.Affinity = new KCore.AffinityArgs
            {
                NodeAffinity = new KCore.NodeAffinityArgs
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new KCore.NodeSelectorArgs
                    {
                        NodeSelectorTerms =
                        {
                            new KCore.NodeSelectorTermArgs
                            {
                                MatchExpressions = { new KCore.NodeSelectorRequirementArgs { Key = Labels.NodePurpose, Operator = "In", Values = { "user" } } },
                            },
                        },
                    },
                },
            };
        foreach (var c in ((List<object?>)pod["containers"]!).Cast<Dictionary<string, object?>>())
        {
            var resources = (Dictionary<string, object?>)c["resources"]!;
            spec.Containers.Add(new KCore.ContainerArgs
            {
                Name = (string)c["name"]!,
                Image = (string)c["image"]!,
                Resources = new KCore.ResourceRequirementsArgs
                {
                    Requests = Strings((Dictionary<string, object?>)resources["requests"]!),
                    Limits = Strings((Dictionary<string, object?>)resources["limits"]!),
                },
            });
        }
        return spec;
    }

    private static InputMap<string> Strings(Dictionary<string, object?> map)
    {
        var result = new InputMap<string>();
        foreach (var (k, v) in map)
            result.Add(k, Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return result;
    }

    private static InputList<string> List(Dictionary<string, object?> map, string key)
    {
        var result = new InputList<string>();
        if (map.TryGetValue(key, out var value) && value is List<object?> items)
            foreach (var item in items)
                result.Add((string)item!);
        return result;
    }
}
