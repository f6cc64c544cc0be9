using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Validation;

/// <summary>
/// The checks of one profile on its own (name, image, guarantees and limits), the same for a community hub, a
/// workshop hub and the profile an event plans its seats for. Planning runs only on a profile that passes
/// (<see cref="ProfileSettings.IsPlannable"/>): seats per node divide by its guarantees.
/// </summary>
public static class ProfileRules
{
    public static void Check(ProfileSettings profile, List<Problem> problems)
    {
        if (!Naming.IsLabel(profile.Name))
            problems.Add(new Problem(profile.Key + ".name", $"'{profile.Name}' {Naming.LabelRule(63)}"));
        if (profile.Image is { } image)
            ImageRules.Check(image, profile.Key + ".image", problems);
        if (profile.CpuGuarantee <= 0)
            problems.Add(new Problem(profile.Key + ".cpu.guarantee", "must be more than 0 cores (placeholders and seat counts are sized from it); set e.g. guarantee: 0.5"));
        if (profile.CpuLimit < profile.CpuGuarantee)
            problems.Add(new Problem(profile.Key + ".cpu.limit", $"{profile.CpuLimit} is below the guarantee {profile.CpuGuarantee}; raise cpu.limit to at least {profile.CpuGuarantee} or lower cpu.guarantee"));
        var memoryKey = profile.Key + ".memory.guarantee";
        if (profile.MemoryGuarantee.Bytes <= 0)
        {
            // A value the binder could not read is already reported at this key (and reads as 0).
            if (!problems.Any(p => p.Key == memoryKey))
                problems.Add(new Problem(memoryKey, "must be more than 0 (placeholders and seat counts are sized from it); set e.g. guarantee: 2G"));
            return;
        }
        if (profile.MemoryLimit.Bytes > 0 && profile.MemoryLimit.Bytes < profile.MemoryGuarantee.Bytes)
            problems.Add(new Problem(profile.Key + ".memory.limit", $"{profile.MemoryLimit} is below the guarantee {profile.MemoryGuarantee}; raise memory.limit to at least {profile.MemoryGuarantee} or lower memory.guarantee"));
    }
}
