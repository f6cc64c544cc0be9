namespace HubInfra.Core.Planning.Document;

/// <summary>The stack outputs of an event stack (besides the workshop hub's URL and roster): its plan, in the plan document's terms.</summary>
public sealed record EventOutputs(
    IReadOnlyList<WindowDocument> Schedule,
    int SeatsPerNode,
    int Nodes,
    double NodeHours,
    TrackingDocument Tracking,
    ReleasePolicyDocument Release,
    CostDocument EstimatedCost);
