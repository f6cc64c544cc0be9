using System.Globalization;
using System.Text;
using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Planning;

/// <summary>One CronJob of an event: its name, cron schedule, time zone and the shell script it runs.</summary>
public sealed record ScheduledJob(string Name, string Schedule, string TimeZone, string Purpose, string Script, int StartingDeadlineSeconds);

/// <summary>
/// The CronJobs that move an event's placeholders. Scale-up at window start − lead, scale-down at end + grace,
/// and a reconcile job every 5 minutes that sets placeholders = planned seats − user servers already running
/// (so an arriving user who preempts a placeholder does not make the autoscaler add a node for it again), catches
/// up missed runs, and restores warm capacity after an <c>up</c> in the middle of a window. Every script carries
/// the absolute UTC bounds of its windows, so a cron that fires again next year does nothing.
/// </summary>
public static class PlaceholderSchedule
{
    public const string KubectlImage = "docker.io/alpine/k8s:1.31.4";

    public static IReadOnlyList<ScheduledJob> Jobs(EventPlan plan)
    {
        var jobs = new List<ScheduledJob>();
        var zone = plan.Event.Zone;
        var prefix = Naming.Label(plan.Event.StackName, 40);
        for (var i = 0; i < plan.Warm.Count; i++)
        {
            var w = plan.Warm[i];
            var seats = plan.Windows[i].Seats;
            var crons = CronSchedules.ForWarmWindow(w, zone);
            var length = (int)Math.Min(int.MaxValue, (w.CoolAt - w.WarmFrom).TotalSeconds);
            jobs.Add(new ScheduledJob($"{prefix}-up-{i + 1}", crons[0].Schedule, crons[0].TimeZone, $"warm {seats} seats from {PlanDocument.Utc(w.WarmFrom)}",
                Script(plan, CronSchedules.ActiveBetweenGuard(w.WarmFrom, w.CoolAt), $"desired={seats}"), length));
            jobs.Add(new ScheduledJob($"{prefix}-down-{i + 1}", crons[1].Schedule, crons[1].TimeZone, $"release seats at {PlanDocument.Utc(w.CoolAt)}",
                Script(plan, CronSchedules.ActiveBetweenGuard(w.CoolAt, w.CoolAt.Plus(Duration.FromHours(1))), "desired=0"), 3600));
        }
        if (plan.Warm.Count > 0)
        {
            var reconcile = CronSchedules.Reconcile(zone);
            jobs.Add(new ScheduledJob($"{prefix}-reconcile", reconcile.Schedule, reconcile.TimeZone, "track arrivals and catch up missed runs",
                ReconcileScript(plan), 240));
        }
        return jobs;
    }

    private static string Script(EventPlan plan, string guard, string desired) =>
        $"set -eu\n{guard}\n{desired}\n{ScaleTo(plan)}";

    private static string ScaleTo(EventPlan plan) =>
        $"kubectl -n {plan.Namespace} patch deployment {plan.PlaceholderName} --subresource=scale --type=merge -p \"{{\\\"spec\\\":{{\\\"replicas\\\":$desired}}}}\"\n" +
        "echo \"placeholders set to $desired\"";

    private static string ReconcileScript(EventPlan plan)
    {
        // Outside the event (first warm-up to an hour after the last cool-down) the job does nothing at all.
        var guard = CronSchedules.ActiveBetweenGuard(plan.Warm[0].WarmFrom, plan.Warm[^1].CoolAt.Plus(Duration.FromHours(1)));
        var sb = new StringBuilder($"set -eu\n{guard}\nplanned=0\n");
        for (var i = 0; i < plan.Warm.Count; i++)
        {
            var w = plan.Warm[i];
            var from = w.WarmFrom.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var until = w.CoolAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"if [ \"$now\" -ge {from} ] && [ \"$now\" -lt {until} ]; then planned={plan.Windows[i].Seats}; fi\n");
        }
        sb.Append(CultureInfo.InvariantCulture,
            $"running=$(kubectl -n {plan.Namespace} get pods -l component=singleuser-server --field-selector=status.phase=Running -o name | wc -l)\n");
        sb.Append("desired=$((planned - running))\nif [ \"$desired\" -lt 0 ]; then desired=0; fi\n");
        sb.Append(ScaleTo(plan));
        return sb.ToString();
    }
}
