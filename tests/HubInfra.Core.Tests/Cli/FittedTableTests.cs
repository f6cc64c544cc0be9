using HubInfra.Cli;

namespace HubInfra.Core.Tests.Cli;

public class FittedTableTests
{
    private static FittedTable Sample() => new FittedTable("pool", "machine", "max nodes#")
        .Add("core", "n2-standard-2", "3")
        .Add("user", "n2-highmem-4", "20");

    [Fact]
    public void Side_by_side_when_it_fits_numbers_right_aligned()
    {
        var lines = Sample().Lines(100);
        Assert.Equal(" pool  machine        max nodes", lines[0]);
        Assert.Equal(" core  n2-standard-2          3", lines[2]);
        Assert.Equal(" user  n2-highmem-4          20", lines[3]);
    }

    [Fact]
    public void One_block_per_row_when_it_does_not()
    {
        Assert.Equal(["core", "  machine n2-standard-2", "  max nodes 3", "user", "  machine n2-highmem-4", "  max nodes 20"], Sample().Lines(24));
    }

    [Fact]
    public void Text_wraps_at_spaces_with_a_hanging_indent_and_never_exceeds_the_width()
    {
        Assert.Equal(["add to", "  hubinfra:cluster.m", "  aintenanceExclusio", "  ns now"], Wrap.Words("add to hubinfra:cluster.maintenanceExclusions now", 20, ""));
        Assert.All(Wrap.Words(new string('x', 500), 20, ""), l => Assert.True(l.Length <= 20));
    }
}
