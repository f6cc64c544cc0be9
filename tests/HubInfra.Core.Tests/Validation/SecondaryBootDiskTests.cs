using HubInfra.Core.Planning;

namespace HubInfra.Core.Tests.Validation;

public class SecondaryBootDiskTests
{
    private static string WithDisk(string diskImage, bool streaming = true) => TestStacks.Community.Replace(
        "        maxNodeCount: 10\n",
        $"        maxNodeCount: 10\n        imageStreaming: {(streaming ? "true" : "false")}\n        secondaryBootDisk: {{ diskImage: \"{diskImage}\" }}\n");

    [Theory]
    [InlineData("global/images/hub-images-2027")]
    [InlineData("projects/shared-images-1/global/images/hub-images-2027")]
    public void A_disk_image_in_this_or_another_project_is_accepted_and_planned_as_an_image_cache(string image)
    {
        var stack = TestStacks.Inline(WithDisk(image));
        Assert.Empty(TestStacks.Errors(stack));
        var pool = CommunityPlan.From(stack.Community!).NodePools.Single(p => p.Name == "user");
        Assert.Equal(image, pool.SecondaryBootDiskImage);
        var doc = PlanDocument.Pool(pool).SecondaryBootDisk!;
        Assert.Equal(image, doc.DiskImage);
        Assert.Equal("CONTAINER_IMAGE_CACHE", doc.Mode);
    }

    [Theory]
    [InlineData("hub-images-2027")]
    [InlineData("global/images/Hub_Images")]
    [InlineData("projects/p/global/images/x")]
    [InlineData("https://www.googleapis.com/compute/v1/global/images/x")]
    [InlineData("global/images/ends-with-")]
    public void A_disk_image_name_gke_would_refuse_names_the_key_and_the_form(string image)
    {
        var errors = TestStacks.Errors(TestStacks.Inline(WithDisk(image)));
        var error = Assert.Single(errors, e => e.StartsWith("hubinfra:nodePools.user[0].secondaryBootDisk.diskImage:", StringComparison.Ordinal));
        Assert.Contains("global/images/NAME", error);
    }

    [Fact]
    public void An_image_cache_needs_image_streaming()
    {
        var errors = TestStacks.Errors(TestStacks.Inline(WithDisk("global/images/hub-images", streaming: false)));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:nodePools.user[0].imageStreaming:", StringComparison.Ordinal) && e.Contains("Image streaming"));
    }

    [Fact]
    public void A_pool_without_a_disk_has_none_in_its_plan()
    {
        var pool = CommunityPlan.From(TestStacks.Inline(TestStacks.Community).Community!).NodePools.Single(p => p.Name == "user");
        Assert.Null(pool.SecondaryBootDiskImage);
        Assert.Null(PlanDocument.Pool(pool).SecondaryBootDisk);
        Assert.DoesNotContain("secondaryBootDisk", PlanDocument.Json(PlanDocument.Pool(pool)));
    }

    [Fact]
    public void The_example_gpu_pool_preloads_its_images()
    {
        var plan = CommunityPlan.From(TestStacks.Example("community-gpu").Community!);
        Assert.Equal("global/images/courses-gpu-images-2027-06", plan.NodePools.Single(p => p.Name == "gpu").SecondaryBootDiskImage);
    }

    [Fact]
    public void An_event_pool_can_preload_too_and_simulate_then_skips_the_pull()
    {
        var yaml = File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.summer-school-2027.yaml"))
            .Replace("      headroomNodes: 1", "      headroomNodes: 1\n      secondaryBootDisk: { diskImage: global/images/summer-school-images }");
        var community = TestStacks.Example("community-gpu").Community;
        var stack = TestStacks.Inline(yaml, "summer-school-2027", _ => community);
        Assert.Empty(TestStacks.Errors(stack));
        var plan = TestStacks.PlanOf(stack.Event!, community!);
        Assert.Equal("global/images/summer-school-images", plan.Pool.SecondaryBootDiskImage);
        Assert.Equal("global/images/summer-school-images", plan.Pool.Dedicated!.SecondaryBootDiskImage);
        Assert.True(HubInfra.Core.Simulation.SimulationPolicy.From(plan).Preloaded);

        var bad = TestStacks.Inline(yaml.Replace("global/images/summer-school-images", "summer-school-images"), "summer-school-2027", _ => community);
        Assert.Contains(TestStacks.Errors(bad), e => e.StartsWith("hubinfra:event.pool.secondaryBootDisk.diskImage:", StringComparison.Ordinal));
    }
}
