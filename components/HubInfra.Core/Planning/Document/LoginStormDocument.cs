using System.Text.Json.Serialization;

namespace HubInfra.Core.Planning.Document;

/// <summary>The z2jh settings an event's login storm needs (keys as z2jh names them), with their formulas.</summary>
public sealed record LoginStormDocument(
    bool AppliedToHub,
    double ArrivalsPerMinute,
    [property: JsonPropertyName("hub.concurrentSpawnLimit")] int ConcurrentSpawnLimit,
    [property: JsonPropertyName("hub.activeServerLimit")] int? ActiveServerLimit,
    [property: JsonPropertyName("hub.consecutiveFailureLimit")] int ConsecutiveFailureLimit,
    [property: JsonPropertyName("singleuser.startTimeout")] int StartTimeout,
    [property: JsonPropertyName("hub.resources.requests")] RequestsDocument HubRequests,
    [property: JsonPropertyName("proxy.chp.resources.requests")] RequestsDocument ProxyRequests,
    IReadOnlyList<string> Formulas);

/// <summary>Kubernetes resource requests: CPU cores and a memory quantity.</summary>
public sealed record RequestsDocument(double Cpu, string Memory);
