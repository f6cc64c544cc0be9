using System.Globalization;

namespace HubInfra.Cli;

/// <summary>
/// How wide the CLI's tables may be: <c>--width</c>, else the terminal's width, else <c>$COLUMNS</c> when output is
/// piped or redirected (CI logs, <c>| less</c>), else <see cref="Default"/>.
/// </summary>
public static class OutputWidth
{
    public const int Default = 100;

    /// <summary>Narrower than this, nothing is laid out side by side any more.</summary>
    public const int Minimum = 20;

    public static int Resolve(int? option, int? terminalWidth, string? columns)
    {
        if (option is > 0) return Math.Max(Minimum, option.Value);
        if (terminalWidth is > 0) return Math.Max(Minimum, terminalWidth.Value);
        if (int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0) return Math.Max(Minimum, c);
        return Default;
    }

    /// <summary>The width for <paramref name="stdout"/>: the terminal's only when it is the real, unredirected console.</summary>
    public static int For(TextWriter stdout, int? option)
    {
        int? terminal = null;
        if (ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected)
        {
            try
            {
                terminal = Console.WindowWidth;
            }
            catch (IOException)
            {
                terminal = null;
            }
        }
        return Resolve(option, terminal, Environment.GetEnvironmentVariable("COLUMNS"));
    }
}
