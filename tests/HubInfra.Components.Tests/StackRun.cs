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

    /// <param name="stacks">The project's folder of stack files (the example stacks when null).</param>
    public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(Mocks mocks, RawConfig raw, bool preview = false, string? stacks = null) =>
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = preview, StackName = raw.StackName, ProjectName = "hubinfra", OrganizationName = "organization" },
            () => HubInfraProgram.RunAsync(raw, stacks ?? StacksDirectory));

    /// <summary>Runs the program as <see cref="RunAsync"/> does and returns each resource with the options it was created with.</summary>
    public static async Task<IReadOnlyList<(Resource Resource, ResourceOptions Options)>> ProbeAsync(Mocks mocks, RawConfig raw, bool preview = false)
    {
        ProbeStack.Raw = raw;
        ProbeStack.Seen.Clear();
        await Deployment.TestAsync<ProbeStack>(mocks, new TestOptions { IsPreview = preview, StackName = raw.StackName, ProjectName = "hubinfra", OrganizationName = "organization" });
        return ProbeStack.Seen.ToList();
    }

    /// <summary>A stack whose transformation sees every resource of the program with its options, as Pulumi hands them over.</summary>
    private sealed class ProbeStack : Stack
    {
        public static RawConfig? Raw { get; set; }

        public static List<(Resource Resource, ResourceOptions Options)> Seen { get; } = [];

        public ProbeStack()
            : base(new StackOptions { ResourceTransformations = { args => { lock (Seen) Seen.Add((args.Resource, args.Options)); return null; } } })
        {
            HubInfraProgram.RunAsync(Raw!, StacksDirectory).GetAwaiter().GetResult();
        }
    }

    /// <summary>The URNs a resource's aliases stand for (Pulumi keeps them on the resource, not in the mocks).</summary>
    public static async Task<IReadOnlyList<string>> AliasUrnsOf(Resource resource)
    {
        var aliases = (System.Collections.Immutable.ImmutableArray<Input<string>>)typeof(Resource)
            .GetField("_aliases", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(resource)!;
        var urns = new List<string>();
        foreach (var alias in aliases)
            urns.Add(await ValueOf((Output<string>)alias));
        return urns;
    }

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
