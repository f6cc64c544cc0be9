namespace HubInfra.Core.Config;

/// <summary>
/// A value that must stay a Pulumi secret. <see cref="IsSecure"/> tells whether the stack file holds it encrypted
/// (<c>secure: v1:...</c>); offline the plaintext is never known, in the Pulumi program it is.
/// <see cref="ToString"/> never shows the value.
/// </summary>
public sealed record Secret(string? Plaintext, bool IsSecure)
{
    public const string Redacted = "[secret]";

    public override string ToString() => Redacted;
}
