using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using Pulumi;

namespace HubInfra.Components;

/// <summary>The inputs of a <see cref="HubRelease"/>.</summary>
/// <param name="Project">The project of the hub's static IP.</param>
/// <param name="Region">The region of the hub's static IP.</param>
/// <param name="Secrets">Turns each secret <see cref="ValueRef"/> of the values into its (secret) Output.</param>
public sealed record HubReleaseArgs(HubPlan Plan, string Project, string Region, Func<ValueRef, Output<string>> Secrets)
{
    /// <summary>A workshop hub's accounts (name of the component and its inputs): created in the hub's namespace before the chart.</summary>
    public (string Name, WorkshopAccountsArgs Args)? Accounts { get; init; }
}
