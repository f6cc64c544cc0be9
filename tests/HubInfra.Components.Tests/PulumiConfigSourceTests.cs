using System.Text.Json;
using System.Text.Json.Nodes;
using HubInfra.Core.Config;
using HubInfra.Deploy;
using HubInfra.Testing;
using Pulumi;
using Pulumi.Testing;

namespace HubInfra.Components.Tests;

public class PulumiConfigSourceTests
{
    /// <summary>Pulumi config as the language host passes it: every hubinfra key's value as a string (objects as JSON), secrets decrypted.</summary>
    private static string PulumiConfigJson(string stack)
    {
        var raw = StackFile.Load(Path.Combine(StackRun.StacksDirectory, StackFile.FileName(stack)));
        var config = new JsonObject();
        foreach (var (key, value) in raw.Values)
        {
            var decrypted = Decrypt(value!);
            config[$"hubinfra:{key}"] = decrypted is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : decrypted.ToJsonString();
        }
        return config.ToJsonString();
    }

    private static JsonNode Decrypt(JsonNode node) => node switch
    {
        JsonObject o when ConfigReader.IsSecure(o) => JsonValue.Create("decrypted:" + o["secure"]!.GetValue<string>()),
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, kv.Value is null ? null : Decrypt(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(x => x is null ? null : Decrypt(x)).ToArray()),
        _ => node.DeepClone(),
    };

    [Fact]
    public async Task The_program_reads_pulumi_config_once_and_treats_the_client_secret_as_a_secret()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", PulumiConfigJson("community-small"));
        try
        {
            RawConfig? read = null;
            var mocks = new Mocks();
            await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = "community-small", ProjectName = "hubinfra" }, () =>
            {
                read = PulumiConfigSource.Read();
                return HubInfraProgram.RunAsync(read);
            });
            Assert.Equal("community", read!["kind"]!.GetValue<string>());
            var secret = read["hubs"]![0]!["auth"]!["github"]!["clientSecret"]!;
            Assert.True(ConfigReader.IsSecure(secret), "the stack file holds it as secure, so the program must treat it as a secret");
            Assert.StartsWith("decrypted:", secret["secure"]!.GetValue<string>());
            Assert.Single(mocks.OfType("kubernetes:helm.sh/v3:Release"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }
}
