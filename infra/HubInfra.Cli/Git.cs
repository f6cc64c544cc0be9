using System.Diagnostics;

namespace HubInfra.Cli;

/// <summary>The few git questions the CLI asks: changed files since a ref, and a file's text at a ref.</summary>
public static class Git
{
    public static string Run(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("git did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Trim()}");
        return output;
    }

    public static string Root(string directory) => Run(directory, "rev-parse", "--show-toplevel").Trim();

    /// <summary>Files changed between the merge base of <paramref name="baseRef"/> and the working tree.</summary>
    public static IReadOnlyList<string> ChangedFiles(string root, string baseRef)
    {
        var mergeBase = MergeBase(root, baseRef);
        return Run(root, "diff", "--name-only", mergeBase).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Run(root, "ls-files", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    public static string MergeBase(string root, string baseRef) => Run(root, "merge-base", baseRef, "HEAD").Trim();

    /// <summary>A file's text at <paramref name="gitRef"/> (path relative to the root, '/'-separated).</summary>
    public static string Show(string root, string gitRef, string path) => Run(root, "show", $"{gitRef}:{path}");

    /// <summary>Copies a folder's files as they are at <paramref name="gitRef"/> into <paramref name="target"/>.</summary>
    public static void ExportFolder(string root, string gitRef, string folder, string target)
    {
        Directory.CreateDirectory(target);
        var listing = Run(root, "ls-tree", "--name-only", $"{gitRef}:{folder}");
        foreach (var name in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            File.WriteAllText(Path.Combine(target, name), Run(root, "show", $"{gitRef}:{folder}/{name}"));
    }
}
