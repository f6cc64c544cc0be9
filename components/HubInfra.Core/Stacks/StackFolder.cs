using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Stacks;

/// <summary>
/// The event stacks of a folder of stack files (Pulumi's <c>stackConfigDir</c>), read the same way by the offline CLI
/// and by the Pulumi program, whose community deployment gives its cluster the exclusions they need.
/// </summary>
public static class StackFolder
{
    /// <summary>Every event stack of <paramref name="directory"/>, bound without validation; none when it does not exist.</summary>
    public static IReadOnlyList<EventSettings> Events(string directory) =>
        Events(StackFile.FindAll(directory).Select(path => (Func<RawConfig?>)(() => StackFile.Load(path))));

    /// <summary>
    /// The event stacks among <paramref name="files"/>, bound without validation (each file's problems are reported
    /// when that stack itself is loaded); a file that cannot be read is skipped.
    /// </summary>
    public static IReadOnlyList<EventSettings> Events(IEnumerable<Func<RawConfig?>> files)
    {
        var events = new List<EventSettings>();
        foreach (var read in files)
        {
            try
            {
                if (read() is { } raw && StackLoader.KindOf(raw) == StackKind.Event && EventBinder.Bind(raw, []) is { } ev)
                    events.Add(ev);
            }
            catch (StackFileException)
            {
                // reported when that stack itself is loaded
            }
        }
        return events;
    }
}
