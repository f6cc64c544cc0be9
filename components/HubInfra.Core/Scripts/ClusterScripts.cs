namespace HubInfra.Core.Scripts;

/// <summary>
/// The shell that runs in the cluster (<c>components/HubInfra.Core/Scripts/*.sh</c>): its own files, embedded in this
/// assembly, rendered verbatim into the objects that run them and executed by the tests with <c>sh</c>.
/// </summary>
public static class ClusterScripts
{
    public static string Load(string name)
    {
        using var stream = typeof(ClusterScripts).Assembly.GetManifestResourceStream($"HubInfra.Core.Scripts.{name}")
            ?? throw new InvalidOperationException($"embedded script {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
