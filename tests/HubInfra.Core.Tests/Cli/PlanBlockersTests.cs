using HubInfra.Cli;
using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Cli;

public class PlanBlockersTests
{
    [Theory]
    [InlineData("hubinfra:event.attendees", true)]
    [InlineData("hubinfra:event.windows[0].end", true)]
    [InlineData("hubinfra:event.pool.machineType", true)]
    [InlineData("hubinfra:nodePools.user[0].machineType", true)]
    [InlineData("hubinfra:hubs[0].profiles[0].memory.guarantee", true)]
    [InlineData("hubinfra:capacity.prices.asOf", true)]
    [InlineData("hubinfra:hubs[0].auth.github.clientSecret", false)]
    [InlineData("hubinfra:hubs[1].https.letsEncryptContact", false)]
    [InlineData("hubinfra:hubs[0].image.tag", false)]
    [InlineData("hubinfra:hubs[0].profiles[0].image.tag", false)]
    [InlineData("hubinfra:budget.emails", false)]
    [InlineData("hubinfra:cluster.maintenanceExclusions[0].start", false)]
    [InlineData("hubinfra:event.workshop.hub.auth.accounts.count", false)]
    [InlineData("hubinfra:event.workshop.content.repository", false)]
    public void An_error_blocks_the_plan_only_when_the_plan_is_computed_from_its_key(string key, bool blocks)
    {
        Assert.Equal(blocks, PlanBlockers.Blocks(new Problem(key, "wrong")));
    }

    [Fact]
    public void Warnings_and_checks_of_a_standing_plan_never_block_it()
    {
        Assert.False(PlanBlockers.Blocks(new Problem("hubinfra:event", "every window is past", Severity.Warning)));
        Assert.False(PlanBlockers.Blocks(new Problem("hubinfra:event.windows", "not covered by a maintenance exclusion") { KeepsPlan = true }));
    }
}
