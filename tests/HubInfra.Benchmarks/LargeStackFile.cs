using System.Text;

namespace HubInfra.Benchmarks;

/// <summary>A valid community stack file of about <c>bytes</c> bytes: one cluster, one user pool, as many hubs as fit.</summary>
public static class LargeStackFile
{
    public static string Write(long bytes)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hubinfra-bench-large-{bytes}-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Pulumi.large.yaml"), Text(bytes));
        return dir;
    }

    public static string Text(long bytes)
    {
        var text = new StringBuilder("""
            # A generated community stack of many hubs, to measure validation of a large stack file.
            config:
              hubinfra:kind: community
              hubinfra:project: bench-project-large
              hubinfra:region: us-central1
              hubinfra:nodePools:
                user:
                  - { name: user, machineType: n2-highmem-8, maxNodeCount: 1000 }
              hubinfra:hubs:

            """);
        for (var i = 0; text.Length < bytes; i++)
            text.Append($$"""
                    - name: hub{{i}}
                      domain: hub{{i}}.example.org
                      https: { letsEncryptContact: admin@example.org }
                      image: { name: quay.io/jupyter/scipy-notebook, tag: "2025-03-14" }
                      profiles:
                        - { name: small, displayName: "Small (1 CPU, 4 GB)", cpu: { guarantee: 0.5, limit: 1 }, memory: { guarantee: 3G, limit: 4G }, default: true }
                        - { name: large, displayName: "Large (4 CPU, 16 GB)", cpu: { guarantee: 2, limit: 4 }, memory: { guarantee: 12G, limit: 16G } }
                      culling: { timeoutSeconds: 3600 }
                      adminUsers: [admin-{{i}}]
                      prePuller: { extraImages: ["quay.io/jupyter/r-notebook:2025-03-14"] }
                      auth:
                        github:
                          clientId: Iv1.{{i:x16}}
                          clientSecret: { secure: "v1:abc" }
                          allowedTeams: ["org:team-{{i}}"]

                """);
        return text.ToString();
    }
}
