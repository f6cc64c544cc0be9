namespace HubInfra.Core.Model;

/// <summary>Where a local stack deploys: a kubeconfig context, and the storage class the cluster offers.</summary>
public sealed record LocalSettings(string Context, string StorageClass);
