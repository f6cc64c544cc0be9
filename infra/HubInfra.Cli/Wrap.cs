using System.Text;

namespace HubInfra.Cli;

/// <summary>Line wrapping for plain-text output: at spaces, or between items; a single word longer than the width is cut.</summary>
public static class Wrap
{
    /// <summary>Wraps <paramref name="text"/> at spaces; the first line starts with <paramref name="indent"/> and so do the
    /// others, plus two spaces (a hanging indent).</summary>
    public static IReadOnlyList<string> Words(string text, int width, string indent) =>
        Items(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), " ", width, indent, indent + "  ");

    /// <summary>Joins items with <paramref name="separator"/>, starting a new line (with <paramref name="next"/>) when the next item does not fit.</summary>
    public static IReadOnlyList<string> Items(IEnumerable<string> items, string separator, int width, string indent, string? next = null)
    {
        width = Math.Max(1, width);
        next ??= indent;
        if (indent.Length >= width) indent = "";
        if (next.Length >= width) next = "";
        var lines = new List<string>();
        var line = new StringBuilder(indent);
        var empty = true;
        foreach (var item in items)
        {
            if (!empty && line.Length + separator.Length + item.Length > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear().Append(next);
                empty = true;
            }
            if (!empty) line.Append(separator);
            line.Append(item);
            empty = false;
            while (line.Length > width)
            {
                lines.Add(line.ToString(0, width));
                var rest = line.ToString(width, line.Length - width);
                line.Clear().Append(next).Append(rest);
            }
        }
        if (!empty || lines.Count == 0) lines.Add(line.ToString().TrimEnd());
        return lines;
    }
}
