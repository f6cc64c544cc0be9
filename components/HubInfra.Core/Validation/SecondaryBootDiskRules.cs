using System.Text.RegularExpressions;
using HubInfra.Core.Config;

namespace HubInfra.Core.Validation;

/// <summary>
/// GKE's rules for a node pool's secondary boot disk used as a container image cache
/// (https://cloud.google.com/kubernetes-engine/docs/how-to/data-container-image-preloading):
/// <list type="bullet">
/// <item>the disk image is named <c>global/images/DISK_IMAGE_NAME</c> (same project) or
/// <c>projects/PROJECT_ID/global/images/DISK_IMAGE_NAME</c> (another project, whose images the node service account
/// may read); the name follows Compute Engine's resource-name rule (lower-case letter first, then lower-case letters,
/// digits or hyphens, at most 63, not ending in a hyphen; https://cloud.google.com/compute/docs/naming-resources);</item>
/// <item>mode <c>CONTAINER_IMAGE_CACHE</c> needs Image streaming on the pool (the page's requirements), which
/// HubInfra turns on for user pools by default.</item>
/// </list>
/// </summary>
public static partial class SecondaryBootDiskRules
{
    public static IEnumerable<Problem> Check(string? diskImage, bool imageStreaming, string poolKey)
    {
        if (diskImage is null) yield break;
        var key = poolKey + ".secondaryBootDisk.diskImage";
        if (!ImageName().IsMatch(diskImage))
            yield return new Problem(key,
                $"'{diskImage}' is not a disk image GKE accepts; write global/images/NAME (this project) or projects/PROJECT_ID/global/images/NAME, " +
                "NAME being lower-case letters, digits and hyphens (gke-disk-image-builder's --image-name)");
        if (!imageStreaming)
            yield return new Problem(poolKey + ".imageStreaming",
                "is false, but a secondary boot disk that caches container images needs Image streaming: set imageStreaming: true or remove secondaryBootDisk");
    }

    [GeneratedRegex("^(projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/)?global/images/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex ImageName();
}
