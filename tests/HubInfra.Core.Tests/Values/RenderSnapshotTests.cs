using HubInfra.Cli;

namespace HubInfra.Core.Tests.Values;

/// <summary>
/// Snapshot tests: what <c>render</c> writes for the example stacks, compared with the approved files in
/// <c>Snapshots/</c>. A deliberate change: run with <c>UPDATE_SNAPSHOTS=1</c>, then review the diff of the
/// snapshot files like any other change.
/// </summary>
public class RenderSnapshotTests
{
    private static string SnapshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Snapshots");

    [Theory]
    [InlineData("community-small")]
    [InlineData("community-gpu")]
    [InlineData("hackathon-2027")]
    [InlineData("workshop-2027")]
    [InlineData("summer-school-2027")]
    [InlineData("gpu-lab-2027")]
    [InlineData("workshop-sessions-2027")]
    public void Rendered_files_match_the_approved_snapshots(string stack)
    {
        var loaded = TestStacks.Example(stack);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        foreach (var (path, text) in Rendering.Files(loaded))
        {
            var snapshot = Path.Combine(SnapshotDirectory(), stack, path);
            if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
                File.WriteAllText(snapshot, text);
                continue;
            }
            Assert.True(File.Exists(snapshot), $"no approved snapshot {snapshot}; run the tests with UPDATE_SNAPSHOTS=1 and review it");
            Assert.Equal(File.ReadAllText(snapshot), text);
        }
    }
}
