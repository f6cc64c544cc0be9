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
    /// Found by checking a plan that stands (e.g. maintenance exclusions missing, a pool too small for the peak):
    /// <c>plan</c> still shows the plan, with this problem under it; deploying still waits for the fix.
    /// </summary>
    public bool KeepsPlan { get; init; }

    public override string ToString() =>
        Severity == Severity.Error ? $"{Key}: {Message}" : $"{Key}: warning: {Message}";
}
