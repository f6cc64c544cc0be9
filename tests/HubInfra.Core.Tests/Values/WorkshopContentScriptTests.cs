using System.Diagnostics;
using HubInfra.Core.Model;
using HubInfra.Core.Values;

namespace HubInfra.Core.Tests.Values;

/// <summary>
/// The workshop hub's postStart hook (<c>Scripts/workshop-content.sh</c>), run as the rendered values run it:
/// <c>sh -c SCRIPT workshop-content REPOSITORY BRANCH FOLDER</c> in the home directory, with a fake <c>git</c> and
/// <c>gitpuller</c> on PATH that record their arguments.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkshopContentScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("content-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly WorkshopContent Content = new("https://github.com/open-science-example/intro-python-workshop", "main", null, "README.ipynb");

    /// <summary>A fake command that appends its arguments (one per line, then a separator) to calls.log and exits with <paramref name="exit"/>.</summary>
    private void Fake(string bin, string name, int exit = 0)
    {
        Directory.CreateDirectory(bin);
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n{{ echo {name}; for a in \"$@\"; do printf '%s\\n' \"$a\"; done; echo --; }} >> \"$CALLS\"\nexit {exit}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private (int Exit, string Stderr, string[] Calls) Run(List<object?> command, string bin, bool withSystemPath = true)
    {
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        var start = new ProcessStartInfo((string)command[0]!) { WorkingDirectory = home, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in command.Skip(1)) start.ArgumentList.Add((string)arg!);
        // Only the fakes and the shell's own directories: the machine's real git must never be reached.
        start.Environment["PATH"] = withSystemPath ? $"{bin}:/usr/bin:/bin" : bin;
        start.Environment["CALLS"] = Path.Combine(_root, "calls.log");
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(10_000));
        var calls = File.Exists(Path.Combine(_root, "calls.log")) ? File.ReadAllLines(Path.Combine(_root, "calls.log")) : [];
        return (p.ExitCode, stderr.Result, calls);
    }

    [Fact]
    public void The_rendered_hook_runs_the_embedded_script_with_the_values_as_arguments()
    {
        var command = WorkshopContentValues.PostStartCommand(Content);
        Assert.Equal(["sh", "-c", WorkshopContentValues.Script, "workshop-content", Content.RepositoryUrl, "main", "intro-python-workshop"], command);
        Assert.DoesNotContain(Content.RepositoryUrl, WorkshopContentValues.Script);
    }

    [Fact]
    public void With_nbgitpuller_in_the_image_gitpuller_pulls_into_the_folder()
    {
        var bin = Path.Combine(_root, "bin");
        Fake(bin, "gitpuller");
        Fake(bin, "git");
        var (exit, _, calls) = Run(WorkshopContentValues.PostStartCommand(Content), bin);
        Assert.Equal(0, exit);
        Assert.Equal(["gitpuller", Content.RepositoryUrl, "main", "intro-python-workshop", "--"], calls);
    }

    [Fact]
    public void Without_nbgitpuller_a_shallow_clone_the_first_time_and_nothing_after()
    {
        var bin = Path.Combine(_root, "bin");
        Fake(bin, "git");
        var (exit, _, calls) = Run(WorkshopContentValues.PostStartCommand(Content), bin);
        Assert.Equal(0, exit);
        Assert.Equal(["git", "clone", "--depth", "1", "--branch", "main", "--", Content.RepositoryUrl, "intro-python-workshop", "--"], calls);

        File.Delete(Path.Combine(_root, "calls.log"));
        Directory.CreateDirectory(Path.Combine(_root, "home", "intro-python-workshop"));
        (exit, _, calls) = Run(WorkshopContentValues.PostStartCommand(Content), bin);
        Assert.Equal(0, exit);
        Assert.Empty(calls);
    }

    [Fact]
    public void A_repository_that_cannot_be_reached_never_stops_the_server()
    {
        var bin = Path.Combine(_root, "bin");
        Fake(bin, "git", exit: 128);
        var (exit, stderr, _) = Run(WorkshopContentValues.PostStartCommand(Content), bin);
        Assert.Equal(0, exit);
        Assert.Contains("could not pull", stderr);
    }

    [Fact]
    public void A_value_with_quotes_and_shell_syntax_is_passed_as_it_is_and_never_run()
    {
        var bin = Path.Combine(_root, "bin");
        Fake(bin, "git");
        var hostile = Content with { Branch = "x'; touch pwned; echo '$(touch pwned2)" };
        var (exit, _, calls) = Run(WorkshopContentValues.PostStartCommand(hostile), bin);
        Assert.Equal(0, exit);
        Assert.Contains(hostile.Branch, calls);
        Assert.False(File.Exists(Path.Combine(_root, "home", "pwned")));
        Assert.False(File.Exists(Path.Combine(_root, "home", "pwned2")));
    }
}
