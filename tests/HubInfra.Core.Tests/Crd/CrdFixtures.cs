using System.Text.Json.Nodes;
using HubInfra.Core.Config;
using HubInfra.Core.Crd;

namespace HubInfra.Core.Tests.Crd;

/// <summary>The CapacityBuffer CRD excerpt and buffers in Crd/Fixtures (copied beside the test assembly).</summary>
public static class CrdFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Crd", "Fixtures");

    public static string CrdPath => Path.Combine(Directory, "capacitybuffers.crd.yaml");
    public static string ValidBuffers => Path.Combine(Directory, "buffers-valid.yaml");
    public static string InvalidBuffers => Path.Combine(Directory, "buffers-invalid.yaml");

    public static CustomResourceDefinition CapacityBuffer()
    {
        var crd = CustomResourceDefinition.Read(YamlDocuments.Read(File.ReadAllText(CrdPath), CrdPath)[0], out var problems);
        Assert.Empty(problems);
        return crd!;
    }

    public static JsonObject Object(string yaml) => (JsonObject)StackYaml.Read(yaml, "buffer.yaml")!;
}
