using System.Globalization;
using HubInfra.Cli;
using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Planning;
using HubInfra.Core.Stacks;
using YamlDotNet.RepresentationModel;

namespace HubInfra.Core.Tests.Corpus;

/// <summary>
/// A property over the example stacks — every stack kind: community, event with a community hub, event with its own
/// workshop hub (whose profiles, accounts and content are mutated like any other key) — whatever single mutation is
/// applied to any value under <c>config:</c> — the key dropped, its value emptied (<c>""</c>) or made <c>0</c>, its
/// type changed (a value made a list, a mapping or list made a word), a number scaled by 1e9, or an alias bomb added —
/// validation raises no exception (nor does planning any event that resolves), finishes (a generous hang guard, not a timing assertion: the 2 s target is
/// measured by the benchmark), gives every error a key (or a file position) and a fix; and a changed type or a scaled
/// number is rejected at the mutated key itself (or, for a value inside a secret, at the secret).
/// </summary>
public class MutationTests
{
    private enum Kind { Drop, Empty, Zero, ChangeType, Scale }

    private sealed record Mutation(string Stack, string Key, Kind Kind, string Yaml);

    public static TheoryData<string> Stacks() => new(StackFile.FindAll(TestStacks.Directory).Select(StackFile.StackNameOf));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_single_mutation_of_an_example_stack_is_reported_at_its_key_with_a_fix(string stack)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hubinfra-mutation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var failures = new List<string>();
        var count = 0;
        try
        {
            foreach (var f in Directory.GetFiles(TestStacks.Directory))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var path = Path.Combine(dir, StackFile.FileName(stack));
            var original = File.ReadAllText(path);
            foreach (var m in Mutations(stack, original))
            {
                count++;
                File.WriteAllText(path, m.Yaml);
                failures.AddRange(Check(m, dir, path));
            }
            File.WriteAllText(path, original + AliasBomb);
            count++;
            var (bomb, _) = Validate(dir, stack, path);
            if (!bomb.Any(l => l.StartsWith(path + ":", StringComparison.Ordinal) && l.Contains("alias bomb", StringComparison.Ordinal)))
                failures.Add($"{stack}: alias bomb not reported as such: {string.Join(" | ", bomb)}");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        Assert.True(count > 20, $"only {count} mutations of {stack}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutations of {stack} failed:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>The example stacks span every stack kind, and the mutations reach into each kind's profiles.</summary>
    [Fact]
    public void Mutations_reach_every_stack_kind_workshop_hub_profiles_included()
    {
        var all = StackFile.FindAll(TestStacks.Directory)
            .SelectMany(f => Mutations(StackFile.StackNameOf(f), File.ReadAllText(f)))
            .ToList();
        var kinds = all.Select(m => m.Stack).Distinct().Select(s => TestStacks.Example(s).Kind).ToHashSet();
        Assert.Equal([Model.StackKind.Community, Model.StackKind.Event, Model.StackKind.Local], kinds.Order());
        foreach (var key in new[] { "hubinfra:hubs[0].profiles[0].memory.guarantee", "hubinfra:event.workshop.hub.profiles[0].memory.guarantee", "hubinfra:event.pool.machineType",
                                  "hubinfra:cluster.maintenanceWindow.start", "hubinfra:event.pool.gpu.type" })
            foreach (var kind in new[] { Kind.Drop, Kind.Empty, Kind.Zero, Kind.ChangeType })
                Assert.Contains(all, m => m.Key == key && m.Kind == kind);
    }

    private const string AliasBomb = "  lol0: &l0 [x,x,x,x,x,x,x,x,x,x]\n  lol1: &l1 [*l0,*l0,*l0,*l0,*l0,*l0,*l0,*l0,*l0,*l0]\n" +
        "  lol2: &l2 [*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1]\n  lol3: &l3 [*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2]\n" +
        "  lol4: &l4 [*l3,*l3,*l3,*l3,*l3,*l3,*l3,*l3,*l3,*l3]\n  lol5: &l5 [*l4,*l4,*l4,*l4,*l4,*l4,*l4,*l4,*l4,*l4]\n" +
        "  lol6: &l6 [*l5,*l5,*l5,*l5,*l5,*l5,*l5,*l5,*l5,*l5]\n  lol7: &l7 [*l6,*l6,*l6,*l6,*l6,*l6,*l6,*l6,*l6,*l6]\n";

    private static IEnumerable<string> Check(Mutation m, string dir, string path)
    {
        var (lines, errors) = Validate(dir, m.Stack, path);
        var what = $"{m.Stack}: {m.Kind} {m.Key}";
        foreach (var line in lines.Where(l => !l.Contains(": warning: ", StringComparison.Ordinal)))
        {
            if (line.StartsWith("EXCEPTION", StringComparison.Ordinal) || line.StartsWith("HANG", StringComparison.Ordinal))
                yield return $"{what}: {line}";
            else if (!FixRule.Holds(line[path.Length..]))
                yield return $"{what}: message without a fix: {line}";
        }
        // A dropped, emptied or zeroed value may be a valid choice (an optional key, an empty description, 0 nodes).
        if (m.Kind is Kind.Drop or Kind.Empty or Kind.Zero) yield break;
        if (errors.Count == 0)
        {
            yield return $"{what}: accepted (exit 0)";
            yield break;
        }
        var parent = m.Key[..Math.Max(m.Key.LastIndexOfAny(['.', '[']), 0)];
        if (!errors.Any(e => e.Key == m.Key || (m.Key.EndsWith(".secure", StringComparison.Ordinal) && e.Key == parent)))
            yield return $"{what}: no error at the key; got {string.Join(" | ", errors.Select(e => e.Key))}";
    }

    /// <summary>The lines validate prints for the stack, and its errors; an exception or hang becomes a line saying so.</summary>
    private static (List<string> Lines, List<Problem> Errors) Validate(string dir, string stack, string path)
    {
        var task = Task.Run(() =>
        {
            var set = new StackSet(dir, TestStacks.Now);
            var loaded = set.Load(stack);
            PlanEveryResolution(set, loaded);
            return loaded;
        });
        try
        {
            if (!task.Wait(TimeSpan.FromSeconds(60)))
                return (["HANG: no result within 60 s"], []);
        }
        catch (AggregateException e)
        {
            return ([$"EXCEPTION {e.InnerException}"], []);
        }
        var loaded = task.Result;
        return (loaded.Problems.Select(p => p.Format(path)).ToList(), loaded.Errors.ToList());
    }

    /// <summary>
    /// The planner cannot fail: every event that resolves gets a plan, whatever else is wrong with it. A mutated event
    /// is resolved against its community; a mutated community (bound as an event's loader binds it, unvalidated) has
    /// every event of the folder resolved against it. An exception here is reported as one.
    /// </summary>
    private static void PlanEveryResolution(StackSet set, LoadedStack loaded)
    {
        var pairs = loaded.Event is { } ev
            ? (loaded.Community is { } c ? [(ev, c)] : [])
            : set.Community(loaded.StackName) is { } bound ? set.Events().Where(e => e.CommunityStack == loaded.StackName).Select(e => (e, bound)).ToList() : [];
        foreach (var (e, community) in pairs)
            if (EventResolver.Resolve(e, community).Event is { } resolved)
                EventPlan.From(resolved);
    }

    private static IEnumerable<Mutation> Mutations(string stack, string yaml)
    {
        var count = Nodes(Load(yaml)).Count;
        for (var i = 0; i < count; i++)
        {
            foreach (var kind in new[] { Kind.Drop, Kind.Empty, Kind.Zero, Kind.ChangeType, Kind.Scale })
            {
                var doc = Load(yaml);
                var (key, node, parent, parentKey) = Nodes(doc)[i];
                switch (kind)
                {
                    case Kind.Drop when parent is YamlMappingNode map:
                        map.Children.Remove(parentKey!);
                        break;
                    case Kind.Empty when node is YamlScalarNode:
                        Replace(parent, parentKey, node, new YamlScalarNode("") { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
                        break;
                    case Kind.Zero when node is YamlScalarNode { Value: not "0" }:
                        Replace(parent, parentKey, node, new YamlScalarNode("0"));
                        break;
                    case Kind.ChangeType:
                        Replace(parent, parentKey, node, node is YamlScalarNode s
                            ? new YamlSequenceNode(new YamlScalarNode(s.Value) { Style = s.Style })
                            : new YamlScalarNode("x"));
                        break;
                    case Kind.Scale when node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } n
                                         && double.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d != 0:
                        Replace(parent, parentKey, node, new YamlScalarNode((d * 1e9).ToString("R", CultureInfo.InvariantCulture)));
                        break;
                    default:
                        continue;
                }
                var writer = new StringWriter();
                doc.Save(writer, assignAnchors: false);
                yield return new Mutation(stack, key, kind, writer.ToString().Replace("\n...\n", "\n"));
            }
        }
    }

    private static YamlStream Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }

    private static void Replace(YamlNode? parent, YamlNode? key, YamlNode node, YamlNode with)
    {
        if (parent is YamlMappingNode map) map.Children[key!] = with;
        else if (parent is YamlSequenceNode seq) seq.Children[seq.Children.IndexOf(node)] = with;
    }

    /// <summary>Every value below config:, depth first, with its key as validate names it (hubinfra:hubs[0].name).</summary>
    private static List<(string Key, YamlNode Node, YamlNode? Parent, YamlNode? ParentKey)> Nodes(YamlStream stream)
    {
        var result = new List<(string, YamlNode, YamlNode?, YamlNode?)>();
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        void Walk(string key, YamlNode node, YamlNode parent, YamlNode? parentKey)
        {
            result.Add((key, node, parent, parentKey));
            if (node is YamlMappingNode map)
                foreach (var (k, v) in map.Children.ToList())
                    Walk($"{key}.{((YamlScalarNode)k).Value}", v, map, k);
            else if (node is YamlSequenceNode seq)
                for (var i = 0; i < seq.Children.Count; i++)
                    Walk($"{key}[{i}]", seq.Children[i], seq, null);
        }
        foreach (var (k, v) in config.Children.ToList())
            Walk(((YamlScalarNode)k).Value!, v, config, k);
        return result;
    }
}
