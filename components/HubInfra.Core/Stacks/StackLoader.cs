using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Validation;
using HubInfra.Core.Planning;
using HubInfra.Core.PlanChecks;

namespace HubInfra.Core.Stacks;

/// <summary>The outcome of reading one stack: its kind, the bound settings, and every problem found.</summary>
public sealed record LoadedStack(string StackName, StackKind Kind, CommunityStack? Community, EventSettings? Event, IReadOnlyList<Problem> Problems)
{
    /// <summary>
    /// An event stack's plan, computed once when loaded from its resolution against the community; null when the
    /// event does not resolve or its resolution is not fit to plan (the problems say why), and for other stacks.
    /// Whether it may be shown or deployed is for its problems to say (<see cref="Problem.KeepsPlan"/>).
    /// </summary>
    public EventPlan? Plan { get; init; }

    public bool HasErrors => Problems.Any(p => p.Severity == Severity.Error);

    public IEnumerable<Problem> Errors => Problems.Where(p => p.Severity == Severity.Error);

    /// <summary>
    /// A community stack's maintenance exclusions with those its events need (<see cref="CommunityEvents.Exclusions"/>),
    /// computed once when loaded; null for an event stack.
    /// </summary>
    public CommunityExclusions? Exclusions { get; init; }
}

/// <summary>Config → typed settings → validated, once, before anything is planned or deployed.</summary>
public static class StackLoader
{
    /// <summary>
    /// Binds and validates a stack. An event stack is checked against its community stack, which
    /// <paramref name="findCommunity"/> supplies (offline: the stack file next to it; in Pulumi: the StackReference).
    /// <paramref name="otherEvents"/> lists the other event stacks known beside it (offline: the stack folder), so
    /// events that share a node pool at the same time are checked together.
    /// </summary>
    /// <param name="stacksFolder">The folder of the stack files as the user named it (messages point into it).</param>
    /// <param name="communityNames">The community stacks known beside it, listed when the event's <c>community</c> names none.</param>
    /// <param name="exclusionsDerived">True when an event's community is deployed from the same folder, so its cluster gets
    /// the event's maintenance exclusions from the event's stack file (<see cref="CommunityEvents"/>); false (a community
    /// deployed from elsewhere) asks for them to be added to the community's stack file.</param>
    /// <remarks>A community stack's exclusions include those of the events <paramref name="otherEvents"/> lists.</remarks>
    public static LoadedStack Load(RawConfig raw, Func<string, CommunityStack?>? findCommunity = null, NodaTime.Instant? now = null,
        Func<IReadOnlyList<EventSettings>>? otherEvents = null, string stacksFolder = "stacks", Func<IReadOnlyList<string>>? communityNames = null,
        bool exclusionsDerived = false)
    {
        var problems = new List<Problem>(raw.LayoutProblems);
        if (!raw.HasConfig)
            return new LoadedStack(raw.StackName, StackKind.Community, null, null, Distinct(problems));
        var kind = KindOf(raw, problems);
        if (kind == StackKind.Community && !raw.Values.ContainsKey(ConfigKey.Kind) && raw.Values.ContainsKey(ConfigKey.Event))
        {
            // An event stack whose author forgot the kind: say so once, then check it as the event it is.
            problems.Add(new Problem(ConfigKey.Full(ConfigKey.Kind),
                $"is missing, but the stack sets {ConfigKey.Full(ConfigKey.Event)}: add {ConfigKey.Full(ConfigKey.Kind)}: event to the stack file"));
            kind = StackKind.Event;
        }
        if (kind == StackKind.Event)
        {
            StackNameRules.CheckEvent(raw.StackName, problems);
            var ev = EventBinder.Bind(raw, problems);
            var community = ev is null ? null : findCommunity?.Invoke(ev.CommunityStack);
            if (ev is null)
                return new LoadedStack(raw.StackName, kind, community, ev, Distinct(FollowOn.Suppress(problems, raw)));
            var at = now ?? NodaTime.SystemClock.Instance.GetCurrentInstant();
            var others = otherEvents?.Invoke().Where(o => o.StackName != ev.StackName).ToList();
            // Bind, resolve and validate; plan once what is fit to plan; check the plan (with the other events' plans,
            // each planned once).
            var resolved = EventValidator.Validate(ev, community, problems, at, findCommunity is not null, others, stacksFolder,
                community is null ? communityNames?.Invoke() : null);
            EventPlan? plan = null;
            if (resolved is not null)
            {
                plan = EventPlan.From(resolved);
                EventPlanChecks.Check(plan, resolved.Community, problems, at, others is null ? null : CommunityEvents.Plans(resolved.Community, others),
                    stacksFolder, exclusionsDerived);
            }
            return new LoadedStack(raw.StackName, kind, community, ev, Distinct(FollowOn.Suppress(problems, raw))) { Plan = plan };
        }

        var stack = CommunityBinder.Bind(raw, problems);
        CommunityValidator.Validate(stack, problems, now ?? NodaTime.SystemClock.Instance.GetCurrentInstant());
        StackNameRules.CheckCommunity(stack, problems);
        // The pools at their maxNodeCount against the project's quotas (the community's plan check).
        QuotaRules.CheckCommunity(stack, problems);
        // The events' exclusions are derived only from a community that is valid: an invalid one is not planned.
        var events = problems.Any(p => p.Severity == Severity.Error) ? [] : otherEvents?.Invoke() ?? [];
        var exclusions = CommunityEvents.Exclusions(stack, CommunityEvents.Plans(stack, events), now ?? NodaTime.SystemClock.Instance.GetCurrentInstant());
        return new LoadedStack(raw.StackName, kind, stack, null, Distinct(FollowOn.Suppress(problems, raw))) { Exclusions = exclusions };
    }

    /// <summary>The stack's kind (<c>hubinfra:kind</c>); an unknown kind is a problem and reads as community.</summary>
    public static StackKind KindOf(RawConfig raw, List<Problem>? problems = null) =>
        CommunityBinder.StackKindOf(new ConfigReader($"{ConfigKey.Namespace}:", new System.Text.Json.Nodes.JsonObject(
            raw.Values.Where(kv => kv.Key == ConfigKey.Kind).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))), problems ?? []));

    private static List<Problem> Distinct(List<Problem> problems)
    {
        var distinct = problems.Distinct().ToList();
        if (distinct.Count <= ConfigLimits.ProblemsReported + 1) return distinct;
        var shown = distinct.Take(ConfigLimits.ProblemsReported).ToList();
        if (!shown.Any(p => p.Message.StartsWith("and more problems", StringComparison.Ordinal)))
            shown.Add(ConfigLimits.TooMany(distinct[ConfigLimits.ProblemsReported].Key));
        return shown;
    }
}
