using HubInfra.Core.Planning;

namespace HubInfra.Components;

/// <summary>The inputs of an <see cref="EventCapacity"/>: the core's plan of the event.</summary>
public sealed record EventCapacityArgs(EventPlan Plan);
