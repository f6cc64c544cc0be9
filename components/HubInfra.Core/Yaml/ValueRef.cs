namespace HubInfra.Core.Yaml;

/// <summary>
/// A value the plan cannot know: a secret, or an output of another resource (a static IP). The Pulumi shell
/// replaces it with the matching Output; offline rendering shows <see cref="Display"/>.
/// </summary>
public sealed record ValueRef(string Name, bool IsSecret)
{
    public string Display => IsSecret ? "[secret]" : $"<{Name}>";

    public override string ToString() => Display;

    public static ValueRef GitHubClientSecret(string hub) => new($"{hub}/github-client-secret", true);

    public static ValueRef StaticIp(string hub) => new($"{hub}/static-ip", false);
}
