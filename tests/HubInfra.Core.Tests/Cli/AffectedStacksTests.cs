using HubInfra.Cli;

namespace HubInfra.Core.Tests.Cli;

public class AffectedStacksTests
{
    private static readonly Dictionary<string, string?> Stacks = new()
    {
        ["community-small"] = null,
        ["community-gpu"] = null,
        ["hackathon"] = "community-small",
        ["summer-school"] = "community-gpu",
    };

    [Fact]
    public void A_stack_file_affects_its_stack_and_the_events_on_it()
    {
        var affected = AffectedStacks.Compute(["stacks/Pulumi.community-small.yaml"], "stacks", Stacks);
        Assert.Equal(["community-small", "hackathon"], affected);
    }

    [Fact]
    public void An_event_file_affects_that_event_and_its_community_whose_cluster_gets_its_exclusions_but_no_other_event()
    {
        var stacks = new Dictionary<string, string?>(Stacks) { ["gpu-lab"] = "community-gpu" };
        Assert.Equal(["community-gpu", "summer-school"], AffectedStacks.Compute(["stacks/Pulumi.summer-school.yaml"], "stacks", stacks));
    }

    [Fact]
    public void Code_or_the_project_file_affects_every_stack()
    {
        Assert.Equal(4, AffectedStacks.Compute(["components/HubInfra.Core/Values/HubValues.cs"], "stacks", Stacks).Count);
        Assert.Equal(4, AffectedStacks.Compute(["Pulumi.yaml"], "stacks", Stacks).Count);
    }

    [Fact]
    public void Documentation_affects_nothing_and_a_deleted_stack_is_not_deployed()
    {
        Assert.Empty(AffectedStacks.Compute(["README.md", "docs/runbook.md", "stacks/Pulumi.gone.yaml"], "stacks", Stacks));
    }

    [Fact]
    public void A_changed_stack_file_with_no_stack_left_is_a_deleted_stack()
    {
        string[] changed = ["stacks/Pulumi.gone.yaml", "stacks/Pulumi.hackathon.yaml", "other/Pulumi.elsewhere.yaml", "Pulumi.yaml"];
        Assert.Equal(["gone"], AffectedStacks.Deleted(changed, "stacks", Stacks));
        Assert.Equal(["gone"], AffectedStacks.Deleted(["Pulumi.gone.yaml", "Pulumi.yaml"], ".", Stacks));
    }

    [Fact]
    public void A_deleted_stack_carries_the_destroy_command_not_an_up()
    {
        var gone = AffectedStack.Deleted("gone");
        Assert.Equal("deleted", gone.Kind);
        Assert.StartsWith("pulumi destroy --stack gone", gone.Command, StringComparison.Ordinal);
        Assert.Equal("pulumi up --stack hackathon", AffectedStack.Changed("hackathon", Model.StackKind.Event).Command);
    }
}
