using HubInfra.Cli;

namespace HubInfra.Core.Tests.Corpus;

/// <summary>
/// Runs every case of tests/corpus: a folder per mistake, holding <c>stack.yaml</c> and <c>expect</c>
/// (<c>key:</c> the key the error must name, or <c>LINE:COLUMN</c> for a file that is not YAML/UTF-8, or <c>@</c> for
/// any such position; <c>says:</c> words the message must contain; <c>absent:</c> keys that must not be reported,
/// i.e. follow-on errors). Each case is validated with <c>validate --stacks</c> beside the example stacks (its
/// community stack) and must exit 1, name the key, raise no exception, and give every error a fix (<see cref="FixRule"/>).
/// </summary>
public class CorpusTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "corpus");

    [Fact]
    public void Every_corpus_case_is_rejected_at_its_key_with_a_fix()
    {
        var cases = Directory.GetDirectories(CorpusDirectory).Order(StringComparer.Ordinal).ToList();
        Assert.True(cases.Count >= 100, $"expected the corpus in {CorpusDirectory}, found {cases.Count} cases");
        var dir = Path.Combine(Path.GetTempPath(), "hubinfra-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var failures = new List<string>();
        try
        {
            foreach (var f in Directory.GetFiles(TestStacks.Directory))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            foreach (var folder in cases)
            {
                var name = "case-" + Path.GetFileName(folder);
                var path = Path.Combine(dir, $"Pulumi.{name}.yaml");
                File.Copy(Path.Combine(folder, "stack.yaml"), path, true);
                try
                {
                    failures.AddRange(Check(Path.GetFileName(folder), path, dir, File.ReadAllLines(Path.Combine(folder, "expect"))));
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        Report($"corpus: {cases.Count} cases ran, {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static IEnumerable<string> Check(string name, string path, string dir, string[] expect)
    {
        string Field(string f) => expect.FirstOrDefault(l => l.StartsWith(f + ": ", StringComparison.Ordinal))?[(f.Length + 2)..] ?? "";
        var key = Field("key");
        var says = Field("says");
        var absent = expect.Where(l => l.StartsWith("absent: ", StringComparison.Ordinal)).Select(l => l[8..]).ToList();

        var output = new StringWriter();
        int exit;
        var guard = Task.Run(() => ValidateCommand.Run(dir, output));
        try
        {
            // A hang guard, not a timing test: the bound is far above the 2 s target so a loaded machine cannot fail it.
            if (!guard.Wait(TimeSpan.FromSeconds(60)))
            {
                yield return $"{name}: validate did not finish within 60 s";
                yield break;
            }
            exit = guard.Result;
        }
        finally
        {
            _ = guard.Exception;
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith(path, StringComparison.Ordinal)).ToList();
        var shown = string.Join("\n  ", lines);
        if (exit != 1) yield return $"{name}: exit {exit}, expected 1\n  {shown}";
        var hits = lines.Where(l =>
            key == "@" ? System.Text.RegularExpressions.Regex.IsMatch(l[path.Length..], @"^:\d+:\d+: ")
            : l.StartsWith($"{path}: {key}: ", StringComparison.Ordinal) || l.StartsWith($"{path}:{key}: ", StringComparison.Ordinal)).ToList();
        if (hits.Count == 0)
            yield return $"{name}: no error at '{key}'\n  {shown}";
        else if (!hits.Any(h => h.Contains(says, StringComparison.Ordinal)))
            yield return $"{name}: the error at '{key}' does not say '{says}'\n  {shown}";
        foreach (var a in absent)
            if (lines.Any(l => l.StartsWith($"{path}: {a}: ", StringComparison.Ordinal)))
                yield return $"{name}: follow-on error at '{a}' was not suppressed\n  {shown}";
        foreach (var line in lines.Where(l => !l.Contains(": warning: ", StringComparison.Ordinal)))
            if (!FixRule.Holds(line[path.Length..]))
                yield return $"{name}: message without a fix: {line}";
    }

    /// <summary>CI prints how many cases ran: HUBINFRA_CORPUS_REPORT names the file to write the line to.</summary>
    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("HUBINFRA_CORPUS_REPORT") is { Length: > 0 } file)
            File.AppendAllText(file, line + "\n");
    }
}
