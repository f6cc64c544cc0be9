using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Config;

public class SecretPathsTests
{
    private const string Decrypted = """
        config:
          hubinfra:hubs:
            - name: a
              auth: { github: { clientId: x, clientSecret: decrypted-one } }
            - name: b
              auth: { github: { clientId: y, clientSecret: decrypted-two } }
        """;

    [Fact]
    public void Decrypted_secrets_are_marked_secure_when_the_stack_file_has_them_encrypted()
    {
        var file = StackFile.Parse("s", Decrypted.Replace("clientSecret: decrypted-one", "clientSecret: { secure: v1:a }").Replace("clientSecret: decrypted-two", "clientSecret: { secure: v1:b }"));
        var marked = SecretPaths.Mark(StackFile.Parse("s", Decrypted), file);
        Assert.Equal("decrypted-one", marked["hubs"]![0]!["auth"]!["github"]!["clientSecret"]!["secure"]!.GetValue<string>());
        Assert.Equal("decrypted-two", marked["hubs"]![1]!["auth"]!["github"]!["clientSecret"]!["secure"]!.GetValue<string>());
    }

    [Fact]
    public void A_secret_the_stack_file_holds_in_plain_text_stays_plain_so_validation_reports_it()
    {
        var file = StackFile.Parse("s", Decrypted.Replace("clientSecret: decrypted-two", "clientSecret: { secure: v1:b }"));
        var marked = SecretPaths.Mark(StackFile.Parse("s", Decrypted), file);
        Assert.Equal("decrypted-one", marked["hubs"]![0]!["auth"]!["github"]!["clientSecret"]!.GetValue<string>());
        Assert.True(ConfigReader.IsSecure(marked["hubs"]![1]!["auth"]!["github"]!["clientSecret"]));
    }

    [Fact]
    public void Without_the_stack_file_every_secret_path_is_treated_as_secret()
    {
        var marked = SecretPaths.Mark(StackFile.Parse("s", Decrypted), null);
        Assert.True(ConfigReader.IsSecure(marked["hubs"]![0]!["auth"]!["github"]!["clientSecret"]));
    }

    [Fact]
    public void Redacted_config_keeps_structure_and_hides_secure_values()
    {
        var raw = StackFile.Load(Path.Combine(TestStacks.Directory, "Pulumi.community-small.yaml"));
        var json = SecretPaths.Redacted(raw).ToJsonString();
        Assert.Contains("\"clientSecret\":{\"secure\":\"[secret]\"}", json);
        Assert.DoesNotContain("v1:", json);
        Assert.Contains("open-science", json);
    }
}
