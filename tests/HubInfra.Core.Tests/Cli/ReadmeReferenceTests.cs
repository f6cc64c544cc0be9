using System.Text.RegularExpressions;
using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Cli;

/// <summary>
/// README stays true to the code: its config reference tables list exactly the keys the binders accept, every CLI
/// command line it shows parses, and every internal link points at a heading.
/// </summary>
public partial class ReadmeReferenceTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).Replace("\r\n", "\n");

    /// <summary>A key no binder knows and no known key resembles, so the binder lists every key it read.</summary>
    private const string Unknown = "zzzzzzzzzzzzzzzzzzzzzz";

    /// <summary>An event stack that sets every key read only when present (lateHeadroomSeats, maxServerAgeHours).</summary>
    private const string Event = $$"""
        config:
          hubinfra:kind: event
          hubinfra:{{Unknown}}: 1
          hubinfra:event:
            {{Unknown}}: 1
            community: community-small
            timeZone: Europe/Berlin
            attendees: 10
            lateHeadroomSeats: 3
            windows: [ { start: 2027-03-06T09:00, end: 2027-03-06T17:00 } ]
            pool: { machineType: n2-highmem-4, {{Unknown}}: 1 }
            workshop:
              {{Unknown}}: 1
              maxServerAgeHours: 8
              hub:
                name: ws
                domain: ws.example.org
                https: { letsEncryptContact: admin@example.org }
                image: quay.io/jupyter/scipy-notebook:2025-03-14
                profiles: [ { name: small, nodePool: user } ]
                auth: { accounts: { count: 10 } }
        """;

    /// <summary>The keys the binder accepts in the mapping at <paramref name="key"/>, from its "known keys" hint.</summary>
    private static SortedSet<string> Accepted(LoadedStackProblems problems, string key)
    {
        var message = problems.Messages.SingleOrDefault(p => p.Key == $"{key}.{Unknown}" || p.Key == $"{key}{Unknown}")?.Message
            ?? throw new InvalidOperationException($"no unknown-key problem at {key}: {string.Join("\n", problems.Messages)}");
        var list = message[(message.IndexOf("known keys: ", StringComparison.Ordinal) + "known keys: ".Length)..];
        return new SortedSet<string>(list.Split(", ").Select(k => k.Trim()), StringComparer.Ordinal);
    }

    private sealed record LoadedStackProblems(IReadOnlyList<Problem> Messages);

    private static LoadedStackProblems Problems(string yaml) => new(TestStacks.Inline(yaml).Problems);

    private static string CommunityWithUnknownKeys()
    {
        var yaml = TestStacks.Community
            .Replace("config:\n", $"config:\n  hubinfra:{Unknown}: 1\n  hubinfra:cluster: {{ {Unknown}: 1 }}\n  hubinfra:capacity: {{ {Unknown}: 1 }}\n" +
                     $"  hubinfra:budget: {{ billingAccount: 012345-6789AB-CDEF01, amount: 10, emails: [a@example.org], {Unknown}: 1 }}\n")
            .Replace("      - name: user\n", $"      - name: user\n        {Unknown}: 1\n")
            .Replace("    - name: main\n", $"    - name: main\n      {Unknown}: 1\n");
        return yaml;
    }

    /// <summary>
    /// The first segment of every key in the first column of the table under the heading that starts with
    /// <paramref name="heading"/>. A key without a dot after one with a dot in the same cell shares its prefix
    /// (<c>`network.nodesCidr` / `podsCidr`</c>).
    /// </summary>
    private static SortedSet<string> Documented(string heading)
    {
        var lines = Readme.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"README has no heading starting with {heading}");
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var inTable = false;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith('|'))
            {
                if (inTable) break;
                continue;
            }
            if (!inTable) { inTable = true; continue; }     // the header row
            if (line.StartsWith("|---", StringComparison.Ordinal)) continue;
            var cell = line.Split('|')[1];
            var prefix = "";
            foreach (Match m in Code().Matches(cell))
            {
                var token = m.Groups[1].Value;
                var full = token.Contains('.') || token.Contains('[') ? token : prefix + token;
                prefix = token.Contains('.') ? token[..(token.LastIndexOf('.') + 1)] : prefix;
                keys.Add(Regex.Split(full, @"[.\[{]")[0]);
            }
        }
        Assert.NotEmpty(keys);
        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [Fact]
    public void The_event_tables_list_exactly_the_keys_the_event_binder_accepts()
    {
        var problems = Problems(Event);
        var accepted = Accepted(problems, "hubinfra:event");
        var documented = Documented("### `event`");
        Assert.True(accepted.SetEquals(documented), $"accepted, not documented: {string.Join(", ", accepted.Except(documented))}; " +
            $"documented, not accepted: {string.Join(", ", documented.Except(accepted))}");
        Assert.Equal(Accepted(problems, "hubinfra:event.workshop"), Documented("### `event.workshop`"));
    }

    [Fact]
    public void The_community_tables_list_exactly_the_keys_the_community_binder_accepts()
    {
        var problems = Problems(CommunityWithUnknownKeys());
        Assert.Equal(Accepted(problems, "hubinfra:cluster"), Documented("### `cluster`"));
        Assert.Equal(Accepted(problems, "hubinfra:nodePools.user[0]"), Documented("### `nodePools.core` and `nodePools.user[]`"));
        Assert.Equal(Accepted(problems, "hubinfra:hubs[0]"), Documented("### `hubs[]`"));
        Assert.Equal(Accepted(problems, "hubinfra:budget"), Documented("### `budget`"));
        Assert.Equal(Accepted(problems, "hubinfra:capacity"), Documented("### `capacity`"));
    }

    [Fact]
    public void The_top_level_table_lists_every_key_of_community_and_event_stacks()
    {
        var accepted = Accepted(Problems(CommunityWithUnknownKeys()), "hubinfra:");
        accepted.UnionWith(Accepted(Problems(Event), "hubinfra:"));
        Assert.Equal(new SortedSet<string>(ConfigKey.All, StringComparer.Ordinal), accepted);
        Assert.Equal(accepted, Documented("### Top level"));
    }

    /// <summary>Every <c>dotnet run --project infra/HubInfra.Cli -- ...</c> in README, options in [brackets] included.</summary>
    public static TheoryData<string> CommandLines()
    {
        var data = new TheoryData<string>();
        foreach (Match m in CliLine().Matches(Readme))
            data.Add(m.Groups["args"].Value.Trim());
        return data;
    }

    [GeneratedRegex(@"dotnet run --project infra/HubInfra\.Cli -- (?<args>[^`#\n]+)")]
    private static partial Regex CliLine();

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Every_CLI_command_line_in_README_parses(string line)
    {
        // [--format table|json] → --format table; N and <name> placeholders get a value of their kind.
        var text = Regex.Replace(line, @"\[([^\]]*)\]", "$1");
        text = Regex.Replace(text, @"(\S+)\|\S+", "$1");
        var args = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "N" ? "1" : a.Trim('<', '>'))
            .ToArray();
        var result = HubInfra.Cli.Program.Build(TextWriter.Null, TextWriter.Null).Parse(args);
        Assert.True(result.Errors.Count == 0, $"{line}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void README_shows_the_command_lines_of_every_command()
    {
        var shown = CliLine().Matches(Readme).Select(m => m.Groups["args"].Value.Trim().Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var commands = HubInfra.Cli.Program.Build(TextWriter.Null, TextWriter.Null).Subcommands.Select(c => c.Name).Where(n => n != "check-schema");
        Assert.All(commands, c => Assert.Contains(c, shown));
    }

    [Fact]
    public void The_message_rule_lists_the_verbs_the_fix_rule_accepts()
    {
        var bullet = Readme[Readme.IndexOf("- **Messages**", StringComparison.Ordinal)..];
        bullet = bullet[bullet.IndexOf("imperative", StringComparison.Ordinal)..bullet.IndexOf(").", StringComparison.Ordinal)];
        var verbs = Code().Matches(bullet).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Corpus.FixRule.Verbs, verbs);
    }

    /// <summary>GitHub's anchor of a heading: lowercase, punctuation dropped, spaces to hyphens.</summary>
    private static string Anchor(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-');

    [Fact]
    public void Every_internal_link_points_at_a_heading()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in Readme.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced && HeadingLine().Match(line) is { Success: true } h)
            {
                var anchor = Anchor(h.Groups[1].Value);
                var unique = anchor;
                for (var n = 1; !anchors.Add(unique); n++) unique = $"{anchor}-{n}";
            }
        }
        var links = LinkAnchor().Matches(Readme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(anchors.Contains(l), $"#{l} names no heading; headings: {string.Join(", ", anchors)}"));
    }

    [GeneratedRegex(@"^#{1,6} (.+)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"\]\(#([^)]+)\)")]
    private static partial Regex LinkAnchor();
}
