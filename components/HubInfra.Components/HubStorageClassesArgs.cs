using HubInfra.Core.Values;

namespace HubInfra.Components;

/// <summary>The inputs of <see cref="HubStorageClasses"/>: the names of the two classes (HubInfra's own, see <see cref="StorageClasses"/>).</summary>
public sealed record HubStorageClassesArgs(string Retain = StorageClasses.Retain, string Delete = StorageClasses.Delete);
