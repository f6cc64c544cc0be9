using HubInfra.Core.Config;
using HubInfra.Core.Crd;
using HubInfra.Core.Tests.Corpus;

namespace HubInfra.Core.Tests.Crd;

/// <summary>
/// Hand-written CapacityBuffers against the CRD excerpt in Crd/Fixtures: what the API server would refuse (or drop)
/// is reported with its path and a message saying what to change; what it accepts is not.
/// </summary>
public class CapacityBufferCrdTests
{
    private readonly CustomResourceCheck _check = new(CrdFixtures.CapacityBuffer());

    private static string Buffer(string spec, string apiVersion = "autoscaling.x-k8s.io/v1beta1", string metadata = "{name: warm-seats, namespace: ev-capacity}") =>
        $"apiVersion: {apiVersion}\nkind: CapacityBuffer\nmetadata: {metadata}\nspec:\n{spec}\n";

    /// <summary>The problems as printed; each one says how to fix it (the house's fix rule).</summary>
    private IReadOnlyList<string> Problems(string yaml)
    {
        var findings = _check.Check(CrdFixtures.Object(yaml));
        Assert.All(findings, f => Assert.True(FixRule.Holds(f.Message), $"no fix in: {f.Message}"));
        return findings.Select(f => f.ToString()).ToList();
    }

    private const string Ref = "  podTemplateRef: {name: seat}\n";

    [Fact]
    public void A_buffer_naming_its_pod_template_with_replicas_is_valid()
    {
        Assert.Empty(Problems(Buffer(Ref + "  replicas: 12\n  provisioningStrategy: buffer.x-k8s.io/active-capacity")));
    }

    [Fact]
    public void Limits_take_integers_and_quantities_and_count_as_set_even_when_empty()
    {
        Assert.Empty(Problems(Buffer(Ref + "  limits: {cpu: 3500m, memory: 12Gi, nvidia.com/gpu: 1}")));
        // has(self.limits) is a presence test in CEL: an empty map is present (cel-net alone would read it as absent).
        Assert.Empty(Problems(Buffer(Ref + "  limits: {}")));
    }

    [Fact]
    public void Negative_replicas_are_refused_with_the_minimum()
    {
        Assert.Equal(["spec.replicas: must be greater than or equal to 0, not -1; give a larger value"],
            Problems(Buffer(Ref + "  replicas: -1")));
    }

    [Fact]
    public void Replicas_beyond_int32_are_refused()
    {
        Assert.Equal(["spec.replicas: must fit in a 32-bit integer (format int32: -2147483648 to 2147483647), not 3000000000; give a smaller value"],
            Problems(Buffer(Ref + "  replicas: 3000000000")));
    }

    [Fact]
    public void Replicas_as_a_string_are_a_type_error_that_stops_the_rules()
    {
        Assert.Equal(
            [
                "spec.replicas: must be of type integer, not the string \"3\"; write the number without quotes",
                CustomResourceCheck.RulesNotChecked,
            ],
            Problems(Buffer(Ref + "  replicas: \"3\"")));
    }

    [Fact]
    public void A_pod_template_ref_without_a_name_is_missing_a_required_field()
    {
        Assert.Equal(["spec.podTemplateRef.name: is required and missing; set it", CustomResourceCheck.RulesNotChecked],
            Problems(Buffer("  podTemplateRef: {}\n  replicas: 1")));
        Assert.Equal(["spec.podTemplateRef.name: must be at least 1 character long, not the string \"\"; give a longer value"],
            Problems(Buffer("  podTemplateRef: {name: ''}\n  replicas: 1")));
    }

    [Fact]
    public void Both_pod_template_ref_and_scalable_ref_break_the_crds_rule()
    {
        Assert.Equal(["spec: You must define either PodTemplateRef or ScalableRef, but not both (rule: !(has(self.podTemplateRef) && has(self.scalableRef))); change the object so that the rule holds"],
            Problems(Buffer(Ref + "  scalableRef: {kind: Deployment, name: web}\n  replicas: 2")));
    }

    [Fact]
    public void A_pod_template_ref_without_replicas_or_limits_breaks_the_crds_rule()
    {
        Assert.Equal(["spec: If X is set, replicas or limits must also be set (rule: !has(self.podTemplateRef) || has(self.replicas) || has(self.limits)); change the object so that the rule holds"],
            Problems(Buffer(Ref.TrimEnd('\n'))));
    }

    [Fact]
    public void An_unknown_field_is_an_error_because_the_server_would_prune_it()
    {
        Assert.Equal(["spec.replica: unknown field: the API server prunes fields the CRD does not declare, so it would be dropped; " +
                      "did you mean 'replicas'? remove it or fix its name"],
            Problems(Buffer(Ref + "  replicas: 2\n  replica: 2")));
        Assert.Contains(Problems(Buffer(Ref + "  replicas: 2\n  warmth: high")),
            p => p.StartsWith("spec.warmth: unknown field", StringComparison.Ordinal) && p.Contains("(known here: limits, percentage, podTemplateRef", StringComparison.Ordinal));
    }

    [Fact]
    public void A_null_field_is_an_error_because_the_server_would_drop_it()
    {
        Assert.Equal(["spec.provisioningStrategy: is null: the field is not nullable, so the API server drops it; remove the line or give a value"],
            Problems(Buffer(Ref + "  replicas: 2\n  provisioningStrategy: null")));
    }

    [Fact]
    public void A_version_the_crd_does_not_serve_is_refused_and_names_the_one_to_use()
    {
        Assert.Equal(["apiVersion: autoscaling.x-k8s.io/v1 is not a version the CapacityBuffer CRD serves (it serves v1alpha1 (deprecated), v1beta1); " +
                      "set apiVersion: autoscaling.x-k8s.io/v1beta1"],
            Problems(Buffer(Ref + "  replicas: 2", apiVersion: "autoscaling.x-k8s.io/v1")));
    }

    [Fact]
    public void A_deprecated_version_is_accepted_with_a_warning_and_checked_against_its_own_schema()
    {
        var findings = _check.Check(CrdFixtures.Object(Buffer(Ref + "  replicas: 2", apiVersion: "autoscaling.x-k8s.io/v1alpha1")));
        var warning = Assert.Single(findings);
        Assert.Equal(FindingKind.Warning, warning.Kind);
        Assert.Equal("apiVersion: warning: autoscaling.x-k8s.io/v1alpha1 CapacityBuffer is deprecated; use autoscaling.x-k8s.io/v1beta1 CapacityBuffer", warning.ToString());
        // The excerpt's v1alpha1 declares no limits: checked against v1alpha1's schema, limits is pruned there.
        Assert.Contains(Problems(Buffer(Ref + "  limits: {cpu: 1}", apiVersion: "autoscaling.x-k8s.io/v1alpha1")),
            p => p.StartsWith("spec.limits: unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void A_limit_that_is_no_quantity_fails_the_pattern_and_one_of_another_type_the_int_or_string()
    {
        var pattern = Assert.Single(Problems(Buffer(Ref + "  limits: {cpu: 4x}")));
        Assert.StartsWith("spec.limits[cpu]: must match the pattern '^(\\+|-)?", pattern);
        Assert.EndsWith("and the string \"4x\" does not; fix the value", pattern);
        Assert.Equal(["spec.limits[cpu]: must be an integer or a string, not the boolean true; write a number such as 2 or a quantity such as \"500m\"",
                      CustomResourceCheck.RulesNotChecked],
            Problems(Buffer(Ref + "  limits: {cpu: true}")));
    }

    [Fact]
    public void Metadata_needs_a_dns_name_and_a_namespace()
    {
        Assert.Equal(["metadata.namespace: is missing; a CapacityBuffer lives in a namespace: set the namespace it belongs in"],
            Problems(Buffer(Ref + "  replicas: 1", metadata: "{name: warm-seats}")));
        Assert.Equal(["metadata.name: 'Warm_Seats' is not a DNS subdomain name (lowercase letters, digits, '-' and '.', starting and ending " +
                      "with a letter or digit, at most 253 characters); fix the name"],
            Problems(Buffer(Ref + "  replicas: 1", metadata: "{name: Warm_Seats, namespace: ev}")));
    }

    [Fact]
    public void A_missing_spec_is_required()
    {
        Assert.Equal(["spec: is required and missing; set it", CustomResourceCheck.RulesNotChecked],
            Problems("apiVersion: autoscaling.x-k8s.io/v1beta1\nkind: CapacityBuffer\nmetadata: {name: a, namespace: b}\n"));
    }

    [Fact]
    public void Only_objects_of_the_crds_group_and_kind_are_checked()
    {
        Assert.True(_check.Matches(CrdFixtures.Object(Buffer(Ref, apiVersion: "autoscaling.x-k8s.io/v9"))));
        Assert.False(_check.Matches(CrdFixtures.Object("apiVersion: v1\nkind: PodTemplate\nmetadata: {name: seat}\n")));
        var other = CrdFixtures.Object(Buffer(Ref, apiVersion: "autoscaling.k8s.io/v1beta1"));
        Assert.False(_check.Matches(other));
        Assert.Equal("autoscaling.k8s.io", _check.OtherGroup(other));
    }

    [Fact]
    public void The_fixture_files_ci_runs_against_the_real_crd_are_valid_and_invalid_as_named()
    {
        var valid = YamlDocuments.Read(File.ReadAllText(CrdFixtures.ValidBuffers), CrdFixtures.ValidBuffers).Where(_check.Matches).ToList();
        Assert.Equal(2, valid.Count);
        Assert.All(valid, d => Assert.DoesNotContain(_check.Check((System.Text.Json.Nodes.JsonObject)d!), f => f.IsError));
        var invalid = YamlDocuments.Read(File.ReadAllText(CrdFixtures.InvalidBuffers), CrdFixtures.InvalidBuffers).Where(_check.Matches).ToList();
        Assert.Equal(3, invalid.Count);
        Assert.All(invalid, d => Assert.Contains(_check.Check((System.Text.Json.Nodes.JsonObject)d!), f => f.IsError));
    }

    [Fact]
    public void The_check_leaves_the_object_it_was_given_unchanged()
    {
        var buffer = CrdFixtures.Object(Buffer(Ref + "  replicas: 1\n  replica: 2"));
        var before = buffer.ToJsonString();
        _check.Check(buffer);
        Assert.Equal(before, buffer.ToJsonString());
    }
}
