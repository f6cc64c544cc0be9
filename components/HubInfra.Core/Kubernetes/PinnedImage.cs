namespace HubInfra.Core.Kubernetes;

/// <summary>A container image pinned to a Kubernetes patch release, with where its tag is shown to exist.</summary>
/// <param name="Minor">The x of 1.x.</param>
/// <param name="Evidence">A public source that pulls or publishes this exact tag.</param>
public sealed record PinnedImage(string Name, string Tag, int Minor, string Evidence)
{
    public string Reference => $"{Name}:{Tag}";
}

/// <summary>The image pinned for a channel, and whether it is within the skew policy for every minor the channel runs.</summary>
/// <param name="Fits">False when no one pin is within the policy for every minor (<see cref="Why"/> says what is chosen and why).</param>
public sealed record ImageChoice(PinnedImage Image, ChannelVersions Channel, bool Fits, string? Why);
