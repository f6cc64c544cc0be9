using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace HubInfra.Core.Planning;

/// <summary>
/// What a community stack promises its event stacks, as one versioned stack output (<see cref="OutputName"/>) that the
/// Pulumi program exports and the CLI builds the same way from the stack file: where the cluster is, the node service
/// account event pools run as, the release channel and capacity backend, and the community itself as the typed model
/// its events plan against (hubs, profiles, pools, prices, maintenance window and exclusions; every secret redacted).
/// An event reads it through a StackReference and plans against <see cref="Community"/> as it is, with no binding code
/// of its own, and refuses a contract of another <see cref="Version"/>, naming both stacks.
/// </summary>
/// <param name="ClusterName">The GKE cluster's name, location and node service account, as the community derives them
/// (none for a local stack); everything else is read from <see cref="Community"/>, written once.</param>
public sealed record CommunityContract(
    int Version,
    string? ClusterName,
    string? ClusterLocation,
    string? NodeServiceAccountEmail,
    CommunityStack Community)
{
    public string Stack => Community.StackName;

    public string Project => Community.Project;

    public string ReleaseChannel => Community.Cluster.ReleaseChannel;

    public string Backend => Community.Capacity.Backend.Name();

    /// <summary>
    /// Raised when a field changes meaning or an event needs a new one; events refuse any other version.
    /// 2: the community as its typed model (<see cref="Community"/>), no longer its config for the event to bind.
    /// </summary>
    public const int CurrentVersion = 2;

    public const string OutputName = "communityContract";

    /// <summary>
    /// The contract's JSON: camelCase names, enums by name, NodaTime values in ISO forms and time zones by their tz
    /// ids, computed properties left out (they follow from the rest), secrets as <c>[secret]</c>.
    /// </summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reading is strict: a value missing or null where the model has none makes the contract unreadable, never a crash later.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            IgnoreReadOnlyProperties = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new RedactedSecretConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>The contract of a bound community stack (its secrets redacted).</summary>
    public static CommunityContract From(CommunityStack stack)
    {
        var cluster = stack.Kind == StackKind.Local ? null : ClusterPlan.From(stack);
        return new CommunityContract(CurrentVersion, cluster?.Name, cluster?.Location, cluster?.NodeServiceAccountEmail, stack);
    }

    /// <summary>The contract of a community stack's config as the CLI reads the stack file (null when it does not bind).</summary>
    public static CommunityContract? Of(RawConfig raw) =>
        CommunityBinder.Bind(raw, []) is { } stack ? From(stack) : null;

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
            if (version == CurrentVersion) contract = JsonSerializer.Deserialize<CommunityContract>(json, ReadOptions);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            contract = null;
        }
        if (version is { } v && v != CurrentVersion)
            problems.Add(new Problem("hubinfra:event.community",
                $"community stack {communityStack} exports its contract in version {v}, and event stack {eventStack} reads version {CurrentVersion}: " +
                $"run pulumi up on {communityStack} with the HubInfra version you deploy {eventStack} with, then deploy {eventStack} again"));
        else if (contract?.Community is null)
        {
            problems.Add(new Problem("hubinfra:event.community",
                $"community stack {communityStack} exports no readable {OutputName}: run pulumi up on {communityStack} with this HubInfra version first"));
            contract = null;
        }
        return contract;
    }

    /// <summary>A secret is written as <c>[secret]</c>, never its value, and read back without one: an event needs none of the community's.</summary>
    private sealed class RedactedSecretConverter : JsonConverter<Secret>
    {
        public override Secret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(null, true);

        public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options) => writer.WriteStringValue(Secret.Redacted);
    }
}
