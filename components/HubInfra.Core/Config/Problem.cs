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
    public override string ToString() =>
        Severity == Severity.Error ? $"{Key}: {Message}" : $"{Key}: warning: {Message}";
}
