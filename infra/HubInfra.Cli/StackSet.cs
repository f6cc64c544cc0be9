using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Stacks;

namespace HubInfra.Cli;

/// <summary>The stack files of one folder, loaded and validated; event stacks find their community stack beside them.</summary>
public sealed class StackSet
{
    private readonly string _directory;
    private readonly NodaTime.Instant _now;
    private readonly Dictionary<string, RawConfig?> _raw = new(StringComparer.Ordinal);

    public StackSet(string directory, NodaTime.Instant? now = null)
    {
        _directory = directory;
        _now = now ?? NodaTime.SystemClock.Instance.GetCurrentInstant();
    }

    public string Directory => _directory;

    public IReadOnlyList<string> StackNames => StackFile.FindAll(_directory).Select(StackFile.StackNameOf).ToList();

    /// <summary>The stack's file, spelled from the folder the user gave (<c>--stacks</c>).</summary>
    public string PathOf(string stack) => StackFile.PathIn(_directory, stack);

    public RawConfig? Raw(string stack)
    {
        if (_raw.TryGetValue(stack, out var cached)) return cached;
        var path = PathOf(stack);
        var raw = File.Exists(path) ? StackFile.Load(path) : null;
        _raw[stack] = raw;
        return raw;
    }

    /// <summary>"DIR/Pulumi.x.yaml: no such stack file; stacks in DIR: a, b" when the stack has no file, else null.</summary>
    public string? Missing(string stack)
    {
        if (File.Exists(PathOf(stack))) return null;
        var known = StackNames;
        return $"{PathOf(stack)}: no such stack file" + (known.Count > 0 ? $"; stacks in {_directory}: {string.Join(", ", known)}" : "");
    }

    /// <summary>Loads and validates one stack; a file that cannot be read (not UTF-8, not YAML, ...) becomes a single problem.</summary>
    public LoadedStack Load(string stack)
    {
        RawConfig? raw;
        try
        {
            raw = Raw(stack);
        }
        catch (StackFileException e)
        {
            return new LoadedStack(stack, StackKind.Community, null, null, [e.ToProblem()]);
        }
        if (raw is null)
            return new LoadedStack(stack, StackKind.Community, null, null,
                [new Problem("", $"no such stack file in {_directory}; check the stack name or --stacks") { InFile = true }]);
        return StackLoader.Load(raw, Community, _now, Events, _directory, CommunityNames, exclusionsDerived: true);
    }

    /// <summary>The folder's community and local stacks: what an event's <c>community</c> may name.</summary>
    public IReadOnlyList<string> CommunityNames()
    {
        var names = new List<string>();
        foreach (var name in StackNames)
        {
            try
            {
                if (Raw(name) is { } raw && StackLoader.KindOf(raw) != StackKind.Event)
                    names.Add(name);
            }
            catch (StackFileException)
            {
                // reported when that stack itself is loaded
            }
        }
        return names;
    }

    /// <summary>Every event stack of the folder, bound without validation (for checks across events, and the exclusions
    /// their community's cluster gets).</summary>
    public IReadOnlyList<EventSettings> Events() => _events ??= StackFolder.Events(StackNames.Select(name => (Func<RawConfig?>)(() => Raw(name))));

    private IReadOnlyList<EventSettings>? _events;

    /// <summary>A community stack bound without validation (its own problems are reported when it is validated).</summary>
    public CommunityStack? Community(string name)
    {
        try
        {
            var raw = Raw(name);
            return raw is null ? null : CommunityBinder.Bind(raw, []);
        }
        catch (StackFileException)
        {
            return null;
        }
    }
}
