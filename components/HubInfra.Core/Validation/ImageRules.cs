using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Validation;

/// <summary>Images are pinned: a tag is required and <c>latest</c> is refused, so every node pulls the same bits.</summary>
public static class ImageRules
{
    public static void Check(ImageRef image, string key, List<Problem> problems)
    {
        if (image.IsReference)
        {
            CheckReference(image, key, problems);
            return;
        }
        if (string.IsNullOrWhiteSpace(image.Name))
            problems.Add(new Problem($"{key}.name", "is required: set the image's repository, e.g. quay.io/jupyter/scipy-notebook"));
        if (string.IsNullOrWhiteSpace(image.Tag))
            problems.Add(new Problem($"{key}.tag", "is required: pin a tag such as \"2025-03-14\" (never latest), so every node pulls the same image"));
        else if (image.Tag == "latest")
            problems.Add(new Problem($"{key}.tag", "must not be 'latest': pin a dated or versioned tag so the pre-puller and every node agree on the image"));
        else if (image.Tag.Any(char.IsWhiteSpace) || image.Tag.Length > 128)
            problems.Add(new Problem($"{key}.tag", $"'{image.Tag}' is not a valid image tag; use at most 128 letters, digits, '.', '_' and '-'"));
    }

    /// <summary>An image given as one reference (<c>name:tag</c>, e.g. a pre-pulled image): problems are reported at the item itself.</summary>
    public static void CheckReference(ImageRef image, string key, List<Problem> problems)
    {
        var written = image.Tag.Length > 0 ? $"{image.Name}:{image.Tag}" : image.Name;
        if (string.IsNullOrWhiteSpace(image.Name))
            problems.Add(new Problem(key, "is empty; write an image as name:tag, e.g. quay.io/jupyter/scipy-notebook:2025-03-14"));
        else if (string.IsNullOrWhiteSpace(image.Tag))
            problems.Add(new Problem(key, $"'{written}' has no tag; pin one: {written}:<tag> (never latest), so every node pulls the same image"));
        else if (image.Tag == "latest")
            problems.Add(new Problem(key, $"'{written}' uses latest; pin a dated or versioned tag so the pre-puller and every node agree on the image"));
        else if (image.Tag.Any(char.IsWhiteSpace) || image.Tag.Length > 128)
            problems.Add(new Problem(key, $"'{written}' does not end in a valid tag; use at most 128 letters, digits, '.', '_' and '-' after the last ':'"));
    }
}
