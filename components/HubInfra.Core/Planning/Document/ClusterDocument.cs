namespace HubInfra.Core.Planning.Document;

/// <summary>The GKE cluster as it will be created (API names where GKE has one).</summary>
public sealed record ClusterDocument(
    string Name,
    string Location,
    IReadOnlyList<string> NodeLocations,
    string ReleaseChannel,
    string WorkloadPool,
    string DatapathProvider,
    bool PrivateNodes,
    IReadOnlyList<AuthorizedNetworkDocument> MasterAuthorizedNetworks,
    NetworkDocument Network,
    CloudNatDocument? CloudNat,
    bool DeletionProtection,
    NodeServiceAccountDocument NodeServiceAccount,
    MaintenanceWindowDocument MaintenanceWindow,
    IReadOnlyList<ExclusionDocument> MaintenanceExclusions,
    IReadOnlyList<string> MaintenanceExclusionNotes);


/// <summary>A CIDR block allowed to reach the control plane.</summary>
public sealed record AuthorizedNetworkDocument(string CidrBlock, string DisplayName);

/// <summary>The VPC network and subnetwork, created or existing, with their ranges.</summary>
public sealed record NetworkDocument(bool Create, string Name, string Subnetwork, string NodesCidr, string PodsCidr, string ServicesCidr);

/// <summary>The Cloud Router and Cloud NAT of private nodes.</summary>
public sealed record CloudNatDocument(string Router, string Nat, string LogFilter);

/// <summary>The nodes' own service account and its roles.</summary>
public sealed record NodeServiceAccountDocument(string AccountId, IReadOnlyList<string> Roles);
