using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HubInfra.Core.Planning;

namespace HubInfra.Core.Tests.Planning;

/// <summary>The plan document: one typed source for plan.yaml, <c>plan --format json</c> and the stack outputs.</summary>
public partial class PlanDocumentTests
{
    private static EventPlan PlanOf(string stack)
    {
        var loaded = TestStacks.Example(stack);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        return loaded.Plan!;
    }

    /// <summary>An event in a zone whose offset has minutes (India, +05:30) and one west of UTC.</summary>
    private static EventPlan InZone(string zone)
    {
        var community = TestStacks.Example("community-small").Community!;
        var yaml = $$"""
            config:
              hubinfra:kind: event
              hubinfra:event:
                community: community-small
                hub: main
                profile: small
                timeZone: {{zone}}
                attendees: 20
                windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]
            """;
        var ev = TestStacks.Inline(yaml, "e", _ => community);
        return TestStacks.PlanOf(ev.Event!, community);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT")]
    private static partial Regex LooksLikeATime();

    private static IEnumerable<(string Path, string Value)> Strings(JsonElement e, string path = "")
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    foreach (var s in Strings(p.Value, $"{path}.{p.Name}")) yield return s;
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var v in e.EnumerateArray())
                    foreach (var s in Strings(v, $"{path}[{i++}]")) yield return s;
                break;
            case JsonValueKind.String:
                yield return (path, e.GetString()!);
                break;
        }
    }

    [Theory]
    [InlineData("Asia/Kolkata", "2027-05-01T09:00:00+05:30")]
    [InlineData("America/New_York", "2027-05-01T09:00:00-04:00")]
    [InlineData("Europe/Berlin", "2027-05-01T09:00:00+02:00")]
    [InlineData("Etc/UTC", "2027-05-01T09:00:00+00:00")]
    public void Every_time_in_the_plan_json_is_rfc_3339_that_javascript_and_dotnet_parse(string zone, string start)
    {
        var json = PlanDocument.Json(PlanDocument.Event(InZone(zone)));
        using var doc = JsonDocument.Parse(json);
        var window = doc.RootElement.GetProperty("windows")[0];
        Assert.Equal(start, window.GetProperty("start").GetString());
        var times = Strings(doc.RootElement).Where(s => LooksLikeATime().IsMatch(s.Value)).ToList();
        Assert.True(times.Count >= 12, $"only {times.Count} times found");
        Assert.All(times, t =>
        {
            Assert.Matches(Rfc3339(), t.Value);
            Assert.True(DateTimeOffset.TryParseExact(t.Value, ["yyyy-MM-ddTHH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{t.Path}: {t.Value}");
        });
        Assert.Equal(DateTimeOffset.Parse(window.GetProperty("start").GetString()!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(window.GetProperty("startUtc").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Money_has_two_decimals_and_totals_are_the_unrounded_sum_rounded_once()
    {
        var plan = PlanOf("summer-school-2027");
        var json = PlanDocument.Json(PlanDocument.Event(plan));
        Assert.Contains("\"cost\": 232.20,", json); // not 232.2
        using var doc = JsonDocument.Parse(json);
        var windows = doc.RootElement.GetProperty("windows").EnumerateArray().ToList();
        var rawSum = plan.Windows.Sum(w => w.Cost);
        Assert.Equal(Math.Round(rawSum, 2), doc.RootElement.GetProperty("estimatedCost").GetProperty("amount").GetDouble());
        // The rows, each rounded, add up to another figure: the total is not a sum of rounded rows.
        var roundedRows = windows.Sum(w => w.GetProperty("arrival").GetProperty("cost").GetDecimal());
        var arrivalTotal = doc.RootElement.GetProperty("phases").GetProperty("arrival").GetProperty("cost").GetDecimal();
        Assert.Equal((decimal)Math.Round(plan.Windows.Sum(w => w.ArrivalCost), 2), arrivalTotal);
        Assert.NotEqual(roundedRows, arrivalTotal);
        Assert.All(Regex.Matches(json, "\"(cost|amount)\": ([0-9.]+)").Select(m => m.Groups[2].Value),
            v => Assert.Matches(@"^\d+\.\d\d$", v));
    }

    [Fact]
    public void Plan_yaml_and_plan_json_carry_the_same_keys_and_values()
    {
        var doc = PlanDocument.Event(PlanOf("workshop-sessions-2027"));
        var fromYaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(PlanDocument.Yaml(doc));
        var fromJson = PlanDocument.Tree(doc);
        Assert.Equal(Flatten(fromJson).Select(kv => kv.Key), Flatten(fromYaml).Select(kv => kv.Key));
        Assert.Equal(Flatten(fromJson).Select(kv => Normal(kv.Value)), Flatten(fromYaml).Select(kv => Normal(kv.Value)));
    }

    private static string Normal(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => double.Parse(f.ToString(null, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !s.Contains('-') => d.ToString(CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    private static IEnumerable<KeyValuePair<string, object?>> Flatten(object? node, string path = "")
    {
        switch (node)
        {
            case IDictionary<string, object?> map:
                foreach (var (k, v) in map) foreach (var x in Flatten(v, $"{path}.{k}")) yield return x;
                break;
            case IDictionary<object, object> ymap:
                foreach (var (k, v) in ymap) foreach (var x in Flatten(v, $"{path}.{k}")) yield return x;
                break;
            case System.Collections.IList list when node is not string:
                for (var i = 0; i < list.Count; i++) foreach (var x in Flatten(list[i], $"{path}[{i}]")) yield return x;
                break;
            default:
                yield return new(path, node);
                break;
        }
    }

    [Fact]
    public void One_name_for_the_headroom_in_the_policy_the_windows_and_the_outputs()
    {
        var plan = PlanOf("hackathon-2027");
        var outputs = PlanDocument.Tree(PlanDocument.Outputs(plan));
        Assert.Equal(["schedule", "seatsPerNode", "nodes", "nodeHours", "tracking", "release", "estimatedCost"], outputs.Keys);
        Assert.Equal(7, ((Dictionary<string, object?>)outputs["release"]!)["headroomSeats"]);
        var json = PlanDocument.Json(PlanDocument.Event(plan));
        Assert.DoesNotContain("late", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"headroomSeats\": 7", json);
        Assert.Contains("\"warmSeats\": 77", json);
        Assert.Contains("\"helmRelease\"", PlanDocument.Json(PlanDocument.Community(CommunityPlan.From(TestStacks.Example("community-small").Community!))));
    }

    [Fact]
    public void Every_key_of_an_event_plan_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var start = readme.IndexOf("### The plan document", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no \"The plan document\" section");
        var section = readme[start..readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal)];
        var plan = PlanDocument.Event(PlanOf("workshop-2027"), RegionalQuotaOf("workshop-2027"));
        // loginStorm, workshopHub and quota are described as wholes (z2jh's keys, a hub as in a community's plan).
        var keys = Flatten(PlanDocument.Tree(plan))
            .Select(kv => kv.Key.TrimStart('.'))
            .Where(k => !k.StartsWith("loginStorm.", StringComparison.Ordinal) && !k.StartsWith("workshopHub.", StringComparison.Ordinal)
                        && !k.StartsWith("quota.", StringComparison.Ordinal))
            .Select(k => Regex.Replace(k, @"\[\d+\]", "").Split('.')[^1])
            .Distinct();
        Assert.All(keys, k => Assert.Matches($@"[`{{ ,.]{k}[`}},]", section));
    }

    private static HubInfra.Core.Planning.RegionalQuota RegionalQuotaOf(string stack)
    {
        var loaded = TestStacks.Example(stack);
        return HubInfra.Core.Planning.RegionalQuota.Peak(loaded.Community!, [loaded.Plan!]);
    }
}
