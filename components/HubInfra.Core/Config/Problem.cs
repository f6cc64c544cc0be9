namespace HubInfra.Core.Config;

/// <summary>How bad a <see cref="Problem"/> is: errors stop a deployment, warnings are printed.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>One thing wrong with a stack's config: the full config key it is about and how to fix it.</summary>
public sealed record Problem(string Key, string Message, Severity Severity = Severity.Error)
{
    /// <summary>
    /// A problem of the file itself (not YAML, not UTF-8, unreadable): <see cref="Key"/> is its <c>LINE:COLUMN</c>
    /// (or empty), printed right after the file name.
    /// </summary>
    public bool InFile { get; init; }

    /// <summary>
    /// Found by checking a plan that stands (e.g. maintenance exclusions missing, a pool too small for the peak):
    /// <c>plan</c> still shows the plan, with this problem under it; deploying still waits for the fix.
    /// </summary>
    public bool KeepsPlan { get; init; }

    public override string ToString() =>
        InFile ? (Key.Length == 0 ? Message : $"{Key}: {Message}")
        : Severity == Severity.Error ? $"{Key}: {Message}" : $"{Key}: warning: {Message}";

    /// <summary>The line printed for this problem of <paramref name="file"/>: <c>FILE: KEY: message</c> or <c>FILE:LINE:COLUMN: message</c>.</summary>
    public string Format(string file) =>
        InFile ? (Key.Length == 0 ? $"{file}: {Message}" : $"{file}:{Key}: {Message}") : $"{file}: {this}";
}
