using HubInfra.Core.Model;

namespace HubInfra.Core.Tests.Binding;

/// <summary>Every image key takes both forms: <c>{ name, tag }</c> and <c>name:tag</c>.</summary>
public class ImageFormsTests
{
    private static readonly ImageRef Scipy = new("quay.io/jupyter/scipy-notebook", "2025-03-14");

    [Fact]
    public void A_hub_or_profile_image_may_be_written_as_name_colon_tag()
    {
        var stack = TestStacks.Inline(TestStacks.Community
            .Replace("image: { name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }", "image: quay.io/jupyter/scipy-notebook:2025-03-14")
            .Replace("nodePool: user\n", "nodePool: user\n          image: registry.example.org:5000/lab/r-notebook:4.4\n"));
        Assert.Empty(TestStacks.Errors(stack));
        var hub = stack.Community!.Hubs[0];
        Assert.Equal(Scipy, hub.Image);
        Assert.Equal(new ImageRef("registry.example.org:5000/lab/r-notebook", "4.4"), hub.Profiles[0].Image);
    }

    [Fact]
    public void Pre_puller_extra_images_may_be_name_tag_objects()
    {
        var stack = TestStacks.Inline(TestStacks.Community.Replace("      auth:\n",
            "      prePuller:\n        extraImages:\n          - { name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }\n      auth:\n"));
        Assert.Empty(TestStacks.Errors(stack));
        Assert.Equal([Scipy], stack.Community!.Hubs[0].ExtraImages);
    }

    [Fact]
    public void The_short_form_is_checked_like_the_long_one()
    {
        var stack = TestStacks.Inline(TestStacks.Community
            .Replace("image: { name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }", "image: quay.io/jupyter/scipy-notebook:latest"));
        Assert.Contains("hubinfra:hubs[0].image: 'quay.io/jupyter/scipy-notebook:latest' uses latest; pin a dated or versioned tag so the pre-puller and every node agree on the image", TestStacks.Errors(stack));
    }

    [Fact]
    public void A_short_form_without_a_tag_is_reported_once_at_the_image_key()
    {
        var stack = TestStacks.Inline(TestStacks.Community
            .Replace("image: { name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }", "image: quay.io/jupyter/scipy-notebook"));
        var errors = TestStacks.Errors(stack);
        Assert.Contains(errors, e => e.StartsWith("hubinfra:hubs[0].image: 'quay.io/jupyter/scipy-notebook' has no tag; pin one", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("hubinfra:hubs[0].image.tag", StringComparison.Ordinal));
    }
}
