using HubInfra.Core.Model;
using HubInfra.Cli;
using HubInfra.Core.Planning;
using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Cli;

public class PlanCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hubinfra-plan-" + Guid.NewGuid().ToString("N"));

    public PlanCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A New Year hackathon in Tokyo on the small community's US cluster: the local window crosses midnight.</summary>
    private const string NewYear = """
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: community-small
            hub: main
            profile: small
            timeZone: Asia/Tokyo
            attendees: 60
            windows:
              - { start: 2027-12-31T20:00, end: 2028-01-01T04:00 }
              - { start: 2028-01-01T08:00, end: 2028-01-01T10:00, attendees: 30 }
        """;

    private string Folder(params (string Stack, string Yaml)[] extra)
    {
        foreach (var f in Directory.GetFiles(TestStacks.Directory))
            File.Copy(f, Path.Combine(_temp, Path.GetFileName(f)), true);
        foreach (var (stack, yaml) in extra)
            File.WriteAllText(Path.Combine(_temp, $"Pulumi.{stack}.yaml"), yaml);
        return _temp;
    }

    private static string[] Lines(string output) => output.TrimEnd('\n').Split('\n');

    [Theory]
    [InlineData("community-small")]
    [InlineData("community-gpu")]
    [InlineData("hackathon-2027")]
    [InlineData("summer-school-2027")]
    [InlineData("workshop-2027")]
    public void At_100_columns_no_line_is_wider_and_every_window_is_one_row(string stack)
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", stack, "--stacks", TestStacks.Directory, "--width", "100");
        Assert.True(exit == 0, err);
        Assert.All(Lines(output), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        if (stack.StartsWith("community", StringComparison.Ordinal)) return;
        Assert.Contains(Lines(output), l => l.TrimStart().StartsWith("window ", StringComparison.Ordinal) && l.Contains("UTC") && l.Contains("cost USD"));
        Assert.DoesNotContain("\n  local ", output); // no window fell back to a block
    }

    [Fact]
    public void The_summer_school_table_reads_window_local_utc_warm_seats_nodes_hours_cost_on_one_line()
    {
        var (_, output, _) = HubInfra.Cli.Program.Run("plan", "--stack", "summer-school-2027", "--stacks", TestStacks.Directory, "--width", "100");
        Assert.Contains(Lines(output), l => System.Text.RegularExpressions.Regex.IsMatch(l,
            @"^\s*daily\[0\]\s+2027-07-05 09:00–17:00\s+07:00–15:00\s+340\s+23\s+201\.25\s+232\.20$"));
        var dedicated = TestStacks.Example("summer-school-2027");
        var pool = dedicated.Plan!.Pool.Dedicated!.NamePrefix.TrimEnd('-');
        Assert.Contains($"Pool: {pool}, the event's own", output);
        Assert.DoesNotContain("Pool: cpu", output);
        Assert.Contains("15 seats.", output);
        Assert.Contains(Lines(output), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*total\s+2012\.5\s+2322\.01$"));
    }

    [Fact]
    public void A_window_across_midnight_prints_on_one_line_with_day_marks()
    {
        var dir = Folder(("new-year", NewYear));
        foreach (var width in new[] { 100, 60 })
        {
            var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "new-year", "--stacks", dir, "--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(exit == 0, err);
            Assert.All(Lines(output), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
            Assert.Contains("2027-12-31 20:00–04:00(+1)", output);
            Assert.Contains("11:00–19:00", output);
            Assert.Contains("23:00(-1)–01:00", output);
        }
    }

    [Fact]
    public void At_100_columns_windows_across_utc_midnight_keep_one_row_each_and_phase_rows_carry_their_date()
    {
        var dir = Folder(("new-year", NewYear));
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "new-year", "--stacks", dir, "--width", "100");
        Assert.True(exit == 0, err);
        var lines = Lines(output);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ windows\[0\]\s+2027-12-31 20:00–04:00\(\+1\)\s+11:00–19:00\s+60\s+9\s+78\.75\s+20\.63$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ windows\[1\]\s+2028-01-01 08:00–10:00\s+23:00\(-1\)–01:00\s+30\s+5\s+13\.75\s+3\.60$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ windows\[1\]\s+2028-01-01\s+arrival\s+22:30\(-1\)–00:00\s+35\s+5\s+7\.5\s+1\.97$"));
        Assert.DoesNotContain("\n  local ", output); // no block layout
        Assert.Contains("then at most 7 free seats stay warm", output);
    }

    [Fact]
    public void A_narrow_terminal_gets_one_block_per_window()
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory, "--width", "50");
        Assert.True(exit == 0, err);
        Assert.All(Lines(output), line => Assert.True(line.Length <= 50, $"{line.Length} columns: {line}"));
        Assert.Contains("windows[0]\n  local 2027-03-06 09:00–18:00 · UTC 14:00–23:00", output);
        Assert.Contains("seats 72 · nodes 11", output);
    }

    [Fact]
    public void A_problem_that_keeps_the_plan_is_listed_under_it()
    {
        // 400 attendees need more nodes than community-small's user pool autoscales to: deploying waits, the plan stands.
        var dir = Folder(("new-year", NewYear.Replace("attendees: 60", "attendees: 400")));
        var (validateExit, validate, _) = HubInfra.Cli.Program.Run("validate", "--stacks", dir);
        Assert.Equal(1, validateExit);
        Assert.Contains($"{Path.Combine(dir, "Pulumi.new-year.yaml")}: hubinfra:event.attendees: the peak of", validate);

        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "new-year", "--stacks", dir, "--width", "100");
        Assert.True(exit == 0, err);
        var lines = Lines(output);
        var total = Array.FindIndex(lines, l => l.TrimStart().StartsWith("total", StringComparison.Ordinal));
        var problems = Array.FindIndex(lines, l => l.StartsWith("1 error to fix before deploying", StringComparison.Ordinal));
        Assert.InRange(total, 1, problems - 1);
        var listed = string.Join(" ", lines[(problems + 1)..].Select(l => l.Trim()));
        Assert.Contains($"- {Path.Combine(dir, "Pulumi.new-year.yaml")}: hubinfra:event.attendees:", listed);
        Assert.Contains($"in {Path.Combine(dir, "Pulumi.community-small.yaml")},", listed);
        Assert.DoesNotContain("stacks/Pulumi.", output);
    }

    [Fact]
    public void A_new_events_exclusions_come_from_its_stack_file_and_the_community_plan_shows_them()
    {
        var dir = Folder(("new-year", NewYear));
        var (validateExit, validate, _) = HubInfra.Cli.Program.Run("validate", "--stacks", dir);
        Assert.True(validateExit == 0, validate);
        Assert.DoesNotContain("maintenance exclusion", validate);

        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "community-small", "--stacks", dir, "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var exclusions = doc.RootElement.GetProperty("cluster").GetProperty("maintenanceExclusions").EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("source").GetString())).ToList();
        Assert.Contains(("new-year-1", "event new-year"), exclusions);
        Assert.Contains(("hackathon-2027-1", "event hackathon-2027"), exclusions);
        Assert.DoesNotContain("new-year", File.ReadAllText(Path.Combine(dir, "Pulumi.community-small.yaml")));

        var (_, table, _) = HubInfra.Cli.Program.Run("plan", "--stack", "community-small", "--stacks", dir, "--width", "100");
        Assert.Contains(Lines(table), l => l.Contains("new-year-1", StringComparison.Ordinal) && l.TrimEnd().EndsWith("event new-year", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_whose_exclusion_cannot_join_the_cluster_is_told_which_and_why()
    {
        var dir = Folder(("new-year", NewYear));
        var community = Path.Combine(dir, "Pulumi.community-small.yaml");
        File.WriteAllText(community, File.ReadAllText(community).Replace("    releaseChannel: REGULAR\n",
            "    releaseChannel: REGULAR\n    maintenanceExclusions:\n      - { name: new-year-1, start: \"2027-02-01T00:00:00Z\", end: \"2027-02-02T00:00:00Z\" }\n"));
        var (exit, validate, _) = HubInfra.Cli.Program.Run("validate", "--stacks", dir);
        Assert.Equal(1, exit);
        var line = Assert.Single(validate.Split('\n'), l => l.Contains("Pulumi.new-year.yaml: hubinfra:event.windows:", StringComparison.Ordinal));
        Assert.Contains("the maintenance exclusion new-year-1 (", line);
        Assert.Contains("name 'new-year-1' is used by more than one exclusion", line);
    }

    [Fact]
    public void An_error_that_changes_the_plan_stops_it_naming_the_file_given()
    {
        var dir = Folder(("broken", NewYear.Replace("profile: small", "profile: huge")));
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "broken", "--stacks", dir);
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains($"{Path.Combine(dir, "Pulumi.broken.yaml")}: hubinfra:event.profile: 'huge' is not a profile of hub 'main'", err);

        var (missing, _, missingErr) = HubInfra.Cli.Program.Run("plan", "--stack", "nope", "--stacks", dir);
        Assert.Equal(1, missing);
        Assert.StartsWith($"{Path.Combine(dir, "Pulumi.nope.yaml")}: no such stack file; stacks in {dir}: ", missingErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_community_whose_login_is_not_set_up_yet_still_shows_its_seats()
    {
        var community = File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.community-small.yaml"))
            .Replace("allowedOrganizations: [open-science-example]", "allowedOrganizations: []")
            .Replace("allowedTeams: [\"open-science-example:instructors\"]", "allowedTeams: []");
        var dir = Folder(("draft", community));
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "draft", "--stacks", dir, "--width", "100");
        Assert.True(exit == 0, err);
        Assert.Contains("max users", output);
        Assert.Contains("hubinfra:hubs[0].auth.github", output);
    }

    [Fact]
    public void Json_is_the_plan_document_alone_with_problems_on_stderr()
    {
        var dir = Folder(("new-year", NewYear.Replace("attendees: 60", "attendees: 400")));
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "new-year", "--stacks", dir, "--format", "json");
        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(400, doc.RootElement.GetProperty("peakSeats").GetInt32());
        Assert.Contains("hubinfra:event.attendees", err);
    }

    [Fact]
    public void Redirected_to_a_file_the_plan_honours_COLUMNS()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hubinfra.dll"), "plan", "--stack", "summer-school-2027", "--stacks", TestStacks.Directory })
            info.ArgumentList.Add(arg);
        info.Environment["COLUMNS"] = "72";
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var err = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "plan did not finish");
        Assert.True(process.ExitCode == 0, err);
        Assert.Contains("daily[0]", output);
        Assert.All(Lines(output.Replace("\r\n", "\n")), line => Assert.True(line.Length <= 72, $"{line.Length} columns: {line}"));
    }

    [Theory]
    [InlineData(80, 120, "90", 80)]
    [InlineData(null, 120, "90", 120)]
    [InlineData(null, null, "90", 90)]
    [InlineData(null, null, null, OutputWidth.Default)]
    [InlineData(null, null, "wide", OutputWidth.Default)]
    [InlineData(5, null, null, OutputWidth.Minimum)]
    public void Width_is_the_option_else_the_terminal_else_COLUMNS_else_100(int? option, int? terminal, string? columns, int expected)
    {
        Assert.Equal(expected, OutputWidth.Resolve(option, terminal, columns));
    }

    [Fact]
    public void Counts_read_as_written()
    {
        Assert.Equal("1 seat", Plural.Of(1, "seat"));
        Assert.Equal("0 seats", Plural.Of(0, "seat"));
        Assert.Equal("7 seats", Plural.Of(7, "seat"));
        Assert.Equal("13:00(+1)–01:00(+2)", PlanCommand.Span(new NodaTime.LocalDateTime(2027, 1, 2, 13, 0), new NodaTime.LocalDateTime(2027, 1, 3, 1, 0), new NodaTime.LocalDate(2027, 1, 1)));
    }
}
