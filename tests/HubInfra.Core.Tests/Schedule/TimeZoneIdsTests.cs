using HubInfra.Core.Schedule;

namespace HubInfra.Core.Tests.Schedule;

public class TimeZoneIdsTests
{
    [Theory]
    [InlineData("Europe/Berln", "Europe/Berlin")]
    [InlineData("America/NewYork", "America/New_York")]
    [InlineData("America/New York", "America/New_York")]
    [InlineData("europe/london", "Europe/London")]
    [InlineData("Amercia/Chicago", "America/Chicago")]
    [InlineData("Tokyo", "Asia/Tokyo")]
    [InlineData("los angeles", "America/Los_Angeles")]
    public void A_mistyped_zone_gets_the_one_it_meant(string typed, string meant) => Assert.Equal(meant, TimeZoneIds.Nearest(typed));

    [Theory]
    [InlineData("PST")] // an abbreviation is not a zone, and the nearest three letters (EST) would mislead
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void Nothing_close_gets_no_guess(string typed) => Assert.Null(TimeZoneIds.Nearest(typed));

    [Fact]
    public void The_stack_file_error_says_did_you_mean()
    {
        var community = TestStacks.Inline(TestStacks.Community).Community!;
        var ev = TestStacks.Inline("""
            config:
              hubinfra:kind: event
              hubinfra:event:
                community: test
                hub: main
                profile: small
                timeZone: Europe/Berln
                attendees: 20
                windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]
            """, "e", _ => community);
        Assert.Contains("hubinfra:event.timeZone: 'Europe/Berln' is not an IANA time zone; did you mean Europe/Berlin?", TestStacks.Errors(ev).Single(e => e.Contains("timeZone", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_community_is_answered_with_the_community_stacks_of_the_folder()
    {
        var dir = CopyWith("""
            config:
              hubinfra:kind: event
              hubinfra:event:
                community: physics
                hub: main
                profile: small
                timeZone: Europe/Berlin
                attendees: 20
                windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]
            """);
        var (exit, output, _) = HubInfra.Cli.Program.Run("validate", "--stacks", dir);
        Directory.Delete(dir, recursive: true);
        Assert.Equal(1, exit);
        var line = output.Split('\n').Single(l => l.Contains("hubinfra:event.community", StringComparison.Ordinal));
        Assert.Contains("no community stack 'physics'", line);
        Assert.Contains("name one of the community stacks: community-gpu, community-small, local", line);
        Assert.DoesNotContain("did you mean", line); // nothing close to "physics"
    }

    private static string CopyWith(string yaml)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hubinfra-tz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(TestStacks.Directory))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(dir, "Pulumi.lab.yaml"), yaml);
        return dir;
    }
}
