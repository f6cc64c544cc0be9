using Spectre.Console;

namespace HubInfra.Cli;

/// <summary>
/// A table that fits the width it is given: columns side by side when every row fits on one line (no cell ever
/// wraps), else a narrow layout with one block per row (its first cell, then <c>header value</c> pairs).
/// </summary>
public sealed class FittedTable
{
    private readonly IReadOnlyList<string> _headers;
    private readonly HashSet<int> _numeric;
    private readonly List<IReadOnlyList<string>> _rows = [];

    /// <param name="headers">Column headers; a header ending in <c>#</c> marks a right-aligned number column (the <c>#</c> is not shown).</param>
    public FittedTable(params string[] headers)
    {
        _numeric = headers.Select((h, i) => (h, i)).Where(x => x.h.EndsWith('#')).Select(x => x.i).ToHashSet();
        _headers = headers.Select(h => h.TrimEnd('#')).ToList();
    }

    public FittedTable Add(params string[] cells)
    {
        if (cells.Length != _headers.Count) throw new ArgumentException($"expected {_headers.Count} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>The lines to print, none longer than <paramref name="width"/> (trailing spaces trimmed).</summary>
    public IReadOnlyList<string> Lines(int width)
    {
        var wide = Wide();
        return wide.Max(l => l.Length) <= width ? wide : Narrow(width);
    }

    private List<string> Wide()
    {
        var table = new Table().Border(TableBorder.Simple);
        for (var i = 0; i < _headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(_headers[i])) { Padding = new Padding(0, 0, i == _headers.Count - 1 ? 0 : 1, 0) }.NoWrap();
            table.AddColumn(_numeric.Contains(i) ? column.RightAligned() : column);
        }
        foreach (var row in _rows)
            table.AddRow(row.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
        var text = Render(table, 100_000);
        return text.Split('\n').Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList();
    }

    private List<string> Narrow(int width)
    {
        var lines = new List<string>();
        foreach (var row in _rows)
        {
            lines.AddRange(Wrap.Words(row[0], width, ""));
            var pairs = row.Skip(1).Select((c, i) => (Header: _headers[i + 1], Cell: c)).Where(p => p.Cell.Length > 0)
                .Select(p => $"{p.Header} {p.Cell}");
            lines.AddRange(Wrap.Items(pairs, " · ", width, "  "));
        }
        return lines;
    }

    /// <summary>Renders with Spectre.Console to plain text (no colours, no ANSI codes) at a given width.</summary>
    private static string Render(Spectre.Console.Rendering.IRenderable renderable, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString().Replace("\r\n", "\n");
    }
}
