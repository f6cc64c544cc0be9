namespace HubInfra.Benchmarks;

/// <summary>Writes N community stack files (each with 3 hubs and 2 user pools) into a temporary folder.</summary>
public static class GeneratedStacks
{
    public static string Write(int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hubinfra-bench-{count}-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        for (var i = 0; i < count; i++)
            File.WriteAllText(Path.Combine(dir, $"Pulumi.community-{i:D3}.yaml"), Community(i));
        return dir;
    }

    /// <summary>An event on the first hub's small profile of <paramref name="community"/>: a week of daily windows.</summary>
    public static string Event(string community, int i) => $$"""
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: {{community}}
            hub: hub0
            profile: small
            timeZone: Europe/Berlin
            attendees: {{30 + i}}
            daily:
              - { from: "2027-0{{1 + i % 3}}-04", to: "2027-0{{1 + i % 3}}-08", start: "09:00", end: "17:00" }
        """;

    public static string Community(int i)
    {
        var hubs = string.Concat(Enumerable.Range(0, 3).Select(h => $$"""
                - name: hub{{h}}
                  domain: hub{{h}}.c{{i}}.example.org
                  https: { letsEncryptContact: admin@example.org }
                  image: { name: quay.io/jupyter/scipy-notebook, tag: "2025-03-14" }
                  profiles:
                    - { name: small, nodePool: cpu, cpu: { guarantee: 0.5, limit: 1 }, memory: { guarantee: 2G, limit: 4G } }
                    - { name: large, nodePool: cpu, cpu: { guarantee: 2, limit: 4 }, memory: { guarantee: 12G, limit: 16G } }
                    - { name: gpu, nodePool: gpu, cpu: { guarantee: 3, limit: 6 }, memory: { guarantee: 20G, limit: 24G }, gpus: 1 }
                  auth:
                    github:
                      clientId: id{{h}}
                      clientSecret: { secure: "v1:abc" }
                      allowedTeams: ["org{{i}}:team{{h}}"]

            """));
        // GKE allows 3 NO_UPGRADES exclusions per cluster (validate enforces it).
        var exclusions = string.Concat(Enumerable.Range(1, 3).Select(m => $$"""
                    - { name: events-{{m}}, start: "2027-0{{m}}-03T00:00:00Z", end: "2027-0{{m}}-09T00:00:00Z" }

            """));
        return $$"""
            config:
              hubinfra:project: bench-project-{{i:D3}}
              hubinfra:region: us-central1
              hubinfra:cluster:
                maintenanceExclusions:
            {{exclusions}}
              hubinfra:nodePools:
                user:
                  - { name: cpu, machineType: n2-highmem-8, maxNodeCount: 50 }
                  - { name: gpu, machineType: n1-standard-8, maxNodeCount: 8, gpu: { type: nvidia-tesla-t4 } }
              hubinfra:hubs:
            {{hubs}}
            """;
    }
}
