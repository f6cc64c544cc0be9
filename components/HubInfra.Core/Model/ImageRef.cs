namespace HubInfra.Core.Model;

/// <summary>A container image by name and tag, e.g. <c>quay.io/jupyter/scipy-notebook</c> + <c>2025-03-14</c>.</summary>
public sealed record ImageRef(string Name, string Tag)
{
    /// <summary>Written as one <c>name:tag</c> string rather than <c>{ name, tag }</c>: problems belong to the key itself.</summary>
    public bool IsReference { get; init; }

    public override string ToString() => $"{Name}:{Tag}";

    /// <summary>The same image whichever form it was written in.</summary>
    public bool Equals(ImageRef? other) => other is not null && Name == other.Name && Tag == other.Tag;

    public override int GetHashCode() => HashCode.Combine(Name, Tag);

    /// <summary>Splits <c>registry:5000/org/image:tag</c> at the tag's colon (the last one after the last slash).</summary>
    public static ImageRef Parse(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? new ImageRef(reference[..colon], reference[(colon + 1)..]) : new ImageRef(reference, "");
    }
}
