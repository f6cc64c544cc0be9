using HubInfra.Core.Tests.Crd;

namespace HubInfra.Core.Tests.Cli;

/// <summary><c>check-crd</c>: one line per problem naming file, document, object and path; a summary; exit 1 on errors or on nothing checked.</summary>
public class CheckCrdCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hubinfra-crd-tests-" + Guid.NewGuid().ToString("N"));

    public CheckCrdCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        GC.SuppressFinalize(this);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Valid_buffers_pass_and_the_summary_counts_them()
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("check-crd", "--crd", CrdFixtures.CrdPath, CrdFixtures.ValidBuffers);
        Assert.True(exit == 0, output + err);
        Assert.Contains("check-crd: 2 CapacityBuffer objects in 1 file: 2 valid, 0 with errors (0 errors, 0 warnings)", output);
    }

    [Fact]
    public void Each_problem_names_the_file_the_document_the_object_and_the_path()
    {
        var (exit, output, _) = HubInfra.Cli.Program.Run("check-crd", "--crd", CrdFixtures.CrdPath, CrdFixtures.ValidBuffers, CrdFixtures.InvalidBuffers);
        Assert.Equal(1, exit);
        var file = CrdFixtures.InvalidBuffers;
        Assert.Contains($"{file}: document 1 (CapacityBuffer workshop-capacity/negative): spec.replicas: must be greater than or equal to 0, not -1; give a larger value", output);
        Assert.Contains($"{file}: document 2 (CapacityBuffer workshop-capacity/both-refs): spec: You must define either PodTemplateRef or ScalableRef, but not both", output);
        Assert.Contains($"{file}: document 3 (CapacityBuffer workshop-capacity/no-count): spec: If X is set, replicas or limits must also be set", output);
        Assert.Contains("check-crd: 5 CapacityBuffer objects in 2 files: 2 valid, 3 with errors (3 errors, 0 warnings)", output);
    }

    [Fact]
    public void No_object_of_the_kind_fails_unless_allowed()
    {
        var manifests = Write("manifests.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: ev}\n---\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s, namespace: ev}\n");
        var (exit, output, _) = HubInfra.Cli.Program.Run("check-crd", "--crd", CrdFixtures.CrdPath, manifests);
        Assert.Equal(1, exit);
        Assert.Contains("check-crd: no CapacityBuffer (autoscaling.x-k8s.io) found in the files, so nothing was checked; " +
                        "give the files that hold them, or pass --allow-none where none is expected", output);
        var (allowed, allowedOut, _) = HubInfra.Cli.Program.Run("check-crd", "--crd", CrdFixtures.CrdPath, "--allow-none", manifests);
        Assert.Equal(0, allowed);
        Assert.Contains("check-crd: 0 CapacityBuffer objects in 1 file", allowedOut);
    }

    [Fact]
    public void A_deprecated_version_warns_without_failing()
    {
        var manifests = Write("old.yaml", "apiVersion: autoscaling.x-k8s.io/v1alpha1\nkind: CapacityBuffer\nmetadata: {name: b, namespace: ev}\nspec: {podTemplateRef: {name: seat}, replicas: 1}\n");
        var (exit, output, _) = HubInfra.Cli.Program.Run("check-crd", "--crd", CrdFixtures.CrdPath, manifests);
        Assert.Equal(0, exit);
        Assert.Contains($"{manifests}: document 1 (CapacityBuffer ev/b): apiVersion: warning: autoscaling.x-k8s.io/v1alpha1 CapacityBuffer is deprecated", output);
        Assert.Contains("1 valid, 0 with errors (0 errors, 1 warning)", output);
    }

    [Fact]
    public void Broken_yaml_and_missing_files_are_reported_not_thrown()
    {
        var broken = Write("broken.yaml", "apiVersion: autoscaling.x-k8s.io/v1beta1\nkind: CapacityBuffer\n---\nspec: [unclosed\n");
        var missing = Path.Combine(_temp, "absent.yaml");
        var (exit, output, _) = HubInfra.Cli.Program.Run("check-crd", "--crd", CrdFixtures.CrdPath, broken, missing);
        Assert.Equal(1, exit);
        Assert.Contains($"{broken}:5:1: not valid YAML: While parsing a flow sequence", output);
        Assert.Contains($"{missing}: cannot be read", output);
    }

    [Fact]
    public void A_file_that_is_no_crd_is_refused()
    {
        var notCrd = Write("values.yaml", "hub: {}\n");
        var (exit, _, err) = HubInfra.Cli.Program.Run("check-crd", "--crd", notCrd, CrdFixtures.ValidBuffers);
        Assert.Equal(1, exit);
        Assert.Contains($"{notCrd}: apiVersion/kind are ''/'', not apiextensions.k8s.io/v1 CustomResourceDefinition; give the CRD's YAML file", err);
    }
}
