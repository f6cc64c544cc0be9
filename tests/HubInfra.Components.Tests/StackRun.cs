using System.Collections.Immutable;
using System.Reflection;
using HubInfra.Core.Config;
using HubInfra.Deploy;
using HubInfra.Testing;
using Pulumi;
using Pulumi.Testing;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HubInfra.Components.Tests;

/// <summary>Runs the real program (HubInfraProgram) on an example stack under Pulumi's mocks.</summary>
public static class StackRun
{
    public static string StacksDirectory => Path.Combine(AppContext.BaseDirectory, "stacks");

    /// <summary>The stack file as Pulumi would hand it over: secure values decrypted (here: the ciphertext), then marked.</summary>
    public static RawConfig Config(string stack, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(StacksDirectory, StackFile.FileName(stack)));
        var file = StackFile.Parse(stack, edit?.Invoke(text) ?? text);
        return SecretPaths.Mark(Decrypt(file), file);
    }

    private static RawConfig Decrypt(RawConfig file)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(SecretPaths.Redacted(file).ToJsonString().Replace("{\"secure\":\"[secret]\"}", "\"decrypted-secret\""))!.AsObject();
        return file with { Values = json.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()) };
    }

    public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(Mocks mocks, RawConfig raw, bool preview = false) =>
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = preview, StackName = raw.StackName, ProjectName = "hubinfra", OrganizationName = "organization" },
            () => HubInfraProgram.RunAsync(raw));

    public static async Task<T> ValueOf<T>(Output<T> output)
    {
        var tcs = new TaskCompletionSource<T>();
        output.Apply(v => { tcs.TrySetResult(v); return v; });
        return await tcs.Task;
    }

    /// <summary>The protect option a resource was registered with (Pulumi keeps it on the resource, not in the mocks).</summary>
    public static bool IsProtected(Resource resource) =>
        (bool?)typeof(Resource).GetField("_protect", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(resource) == true;
}
