using System.Text.Json.Nodes;
using HubInfra.Core.Config;
using Pulumi;

namespace HubInfra.Deploy;

/// <summary>
/// Reads the stack's <c>hubinfra:*</c> config from Pulumi, once, into the same <see cref="RawConfig"/> the offline
/// CLI reads from the stack file. Pulumi hands over secrets decrypted; <see cref="SecretPaths"/> marks them, using
/// the stack file (when the program can find it) to tell a secret from a value committed in plain text.
/// </summary>
public static class PulumiConfigSource
{
    public static RawConfig Read()
    {
        var config = new Config(ConfigKey.Namespace);
        var values = new Dictionary<string, JsonNode?>();
        foreach (var key in ConfigKey.All)
        {
            var text = config.Get(key);
            if (text is null) continue;
            var trimmed = text.TrimStart();
            values[key] = trimmed.StartsWith('{') || trimmed.StartsWith('[') ? JsonNode.Parse(text) : JsonValue.Create(text);
        }
        var foreign = new Dictionary<string, string>();
        foreach (var key in new[] { "project", "region" })
            if (new Config("gcp").Get(key) is { } value)
                foreign[$"gcp:{key}"] = value;

        var stack = Deployment.Instance.StackName;
        var raw = new RawConfig(stack, values) { Foreign = foreign };
        return SecretPaths.Mark(raw, StackFileOf(stack));
    }

    /// <summary>
    /// The project's folder of stack files: Pulumi.yaml's <c>stackConfigDir</c> (<c>stacks</c>), relative to the project
    /// directory, found from the program's folder upwards; null when no Pulumi.yaml is found.
    /// </summary>
    public static string? StacksDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
                return Path.Combine(dir.FullName, "stacks");
        return null;
    }

    /// <summary>The stack's own file in <see cref="StacksDirectory"/>.</summary>
    private static RawConfig? StackFileOf(string stack)
    {
        if (StacksDirectory() is not { } stacks) return null;
        var path = Path.Combine(stacks, StackFile.FileName(stack));
        try
        {
            return File.Exists(path) ? StackFile.Load(path) : null;
        }
        catch (StackFileException)
        {
            return null;
        }
    }
}
