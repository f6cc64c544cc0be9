namespace HubInfra.Core.Kubernetes;

/// <summary>
/// Kubernetes' version skew policy (https://kubernetes.io/releases/version-skew-policy/), for the two components
/// HubInfra runs against a cluster's API server:
/// <list type="bullet">
/// <item>kube-scheduler "must not be newer than the kube-apiserver instances they communicate with. They are expected
/// to match the kube-apiserver minor version, but may be up to one minor version older (to allow live upgrades)."</item>
/// <item>"kubectl is supported within one minor version (older or newer) of kube-apiserver."</item>
/// </list>
/// Minors are the x of 1.x.
/// </summary>
public static class VersionSkew
{
    public const string Doc = "https://kubernetes.io/releases/version-skew-policy/";

    public static bool SchedulerFits(int schedulerMinor, int apiServerMinor) =>
        schedulerMinor <= apiServerMinor && schedulerMinor >= apiServerMinor - 1;

    public static bool KubectlFits(int kubectlMinor, int apiServerMinor) => Math.Abs(kubectlMinor - apiServerMinor) <= 1;
}
