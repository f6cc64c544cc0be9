using System.Text.Json;
using System.Text.Json.Nodes;
using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;

namespace HubInfra.Core.Planning;

/// <summary>
/// What a community stack promises its event stacks, as one versioned stack output (<see cref="OutputName"/>) that the
/// Pulumi program exports and the CLI builds the same way from the stack file: where the cluster is, the node service
/// account event pools run as, the release channel and capacity backend, its hubs and user pools, and its config
/// (secrets redacted) that the event plans against. An event reads it through a StackReference and refuses a
/// contract of another <see cref="Version"/>, naming both stacks, instead of reading it with other code.
/// </summary>
public sealed record CommunityContract(
    int Version,
    string Stack,
    string Kind,
    string Project,
    string Region,
    string? ClusterName,
    string? ClusterLocation,
    string? NodeServiceAccountEmail,
    string ReleaseChannel,
    string Backend,
    IReadOnlyList<string> Hubs,
    IReadOnlyList<string> UserPools,
    JsonObject Config)
{
    /// <summary>Raised when a field changes meaning or an event needs a new one; events refuse any other version.</summary>
    public const int CurrentVersion = 1;

    public const string OutputName = "communityContract";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The contract of a bound community stack and its config (the config goes in with its secrets redacted).</summary>
    public static CommunityContract From(CommunityStack stack, RawConfig raw)
    {
        var cluster = stack.Kind == StackKind.Local ? null : ClusterPlan.From(stack);
        return new CommunityContract(CurrentVersion, stack.StackName, stack.Kind.ToString().ToLowerInvariant(), stack.Project, stack.Region,
            cluster?.Name, cluster?.Location, cluster?.NodeServiceAccountEmail, stack.Cluster.ReleaseChannel, stack.Capacity.Backend.Name(),
            stack.Hubs.Select(h => h.Name).ToList(), stack.UserPools.Select(p => p.Name).ToList(), SecretPaths.Redacted(raw));
    }

    /// <summary>The contract of a community stack's config as the CLI reads the stack file (null when it does not bind).</summary>
    public static CommunityContract? Of(RawConfig raw) =>
        CommunityBinder.Bind(raw, []) is { } stack ? From(stack, raw) : null;

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>
    /// Reads a community's contract for event <paramref name="eventStack"/>: null with a problem at
    /// <c>hubinfra:event.community</c> when it is not a contract or of another version.
    /// </summary>
    public static CommunityContract? Read(string json, string communityStack, string eventStack, List<Problem> problems)
    {
        CommunityContract? contract = null;
        int? version = null;
        try
        {
            version = JsonNode.Parse(json)?["version"]?.GetValue<int>();
            if (version == CurrentVersion) contract = JsonSerializer.Deserialize<CommunityContract>(json, Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
        }
        if (version is { } v && v != CurrentVersion)
            problems.Add(new Problem("hubinfra:event.community",
                $"community stack {communityStack} exports its contract in version {v}, and event stack {eventStack} reads version {CurrentVersion}: " +
                $"run pulumi up on {communityStack} with the HubInfra version you deploy {eventStack} with, then deploy {eventStack} again"));
        else if (contract is null)
            problems.Add(new Problem("hubinfra:event.community",
                $"community stack {communityStack} exports no readable {OutputName}: run pulumi up on {communityStack} with this HubInfra version first"));
        return contract;
    }

    /// <summary>The community as the event plans against it, from the contract's config.</summary>
    public CommunityStack? Community(List<Problem> problems) =>
        CommunityBinder.Bind(new RawConfig(Stack, Config.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone())), problems);
}
