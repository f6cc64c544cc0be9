using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Binding;

/// <summary>
/// What resolving an event against its community found: the resolved event when every reference the plan follows was
/// found, and a problem (key and fix) for each that was not. A workshop hub profile without usable guarantees resolves
/// to nothing without a problem here: the workshop hub's own checks report it at its key.
/// </summary>
public sealed record EventResolution(ResolvedEvent? Event, IReadOnlyList<Problem> Problems);
