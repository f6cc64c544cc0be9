using HubInfra.Core.Model;

namespace HubInfra.Cli;

/// <summary>
/// One stack a change affects, as <c>affected --json</c> prints it: its kind (<c>community</c>, <c>event</c>,
/// <c>local</c>, or <c>deleted</c> when its stack file is gone) and the Pulumi command that applies the change.
/// </summary>
public sealed record AffectedStack(string Stack, string Kind, string Command)
{
    public const string DeletedKind = "deleted";

    public bool IsDeleted => Kind == DeletedKind;

    public static AffectedStack Changed(string stack, StackKind kind) =>
        new(stack, kind.ToString().ToLowerInvariant(), $"pulumi up --stack {stack}");

    /// <summary>Its stack file was deleted: nothing to <c>up</c>; its resources stay until someone destroys them.</summary>
    public static AffectedStack Deleted(string stack) =>
        new(stack, DeletedKind, $"pulumi destroy --stack {stack} && pulumi stack rm {stack}");
}
