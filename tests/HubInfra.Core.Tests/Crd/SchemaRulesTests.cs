using System.Text.Json.Nodes;
using HubInfra.Core.Config;
using HubInfra.Core.Crd;
using HubInfra.Core.Tests.Corpus;

namespace HubInfra.Core.Tests.Crd;

/// <summary>
/// A small made-up CRD (Widget) for what the CapacityBuffer CRD does not exercise: rules deeper in the schema (each
/// with <c>self</c> bound to its own node: a list item, a string), messageExpression and fieldPath, transition rules,
/// defaults seen by the rules, enums, list-type map keys, preserve-unknown-fields; and inputs that must not crash.
/// </summary>
public class SchemaRulesTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.org}
        spec:
          group: example.org
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-validations:
                - rule: self.metadata.name.startsWith('w')
                  message: a widget's name starts with w
                - rule: "!has(self.metadata.labels)"
                  message: labels are not visible to rules at the root
                properties:
                  apiVersion: {type: string}
                  kind: {type: string}
                  metadata: {type: object}
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: self.mode != 'off' || self.size == 0
                      messageExpression: "'mode off needs size 0, not ' + string(self.size)"
                    - rule: self.size <= 10
                      fieldPath: .size
                      message: size is at most 10
                    - rule: self.size >= oldSelf.size
                      message: size never shrinks
                    properties:
                      mode:
                        type: string
                        default: on
                        enum: ["on", "off"]
                      size: {type: integer, default: 1}
                      name:
                        type: string
                        x-kubernetes-validations:
                        - rule: self.startsWith('w-')
                          message: name starts with w-
                      ranges:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [id]
                        items:
                          type: object
                          required: [id]
                          properties:
                            id: {type: string}
                            min: {type: integer}
                            max: {type: integer}
                          x-kubernetes-validations:
                          - rule: self.min <= self.max
                            message: min is at most max
                      free:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                      template:
                        type: object
                        x-kubernetes-embedded-resource: true
                        properties:
                          metadata: {type: object}
                          spec:
                            type: object
                            x-kubernetes-preserve-unknown-fields: true
                      until:
                        type: string
                        format: date-time
                        x-kubernetes-validations:
                        - rule: self < timestamp('2030-01-01T00:00:00Z')
                          message: until is before 2030
        """;

    private readonly CustomResourceCheck _check = new(CustomResourceDefinition.Read(StackYaml.Read(Crd, "crd.yaml"), out _)!);

    private IReadOnlyList<string> Problems(string spec)
    {
        var findings = _check.Check((JsonObject)StackYaml.Read($"apiVersion: example.org/v1\nkind: Widget\nmetadata: {{name: w, namespace: n}}\nspec: {spec}\n", "w.yaml")!);
        Assert.All(findings, f => Assert.True(FixRule.Holds(f.Message), $"no fix in: {f.Message}"));
        return findings.Select(f => f.ToString()).ToList();
    }

    [Fact]
    public void Defaults_are_applied_before_the_rules_and_transition_rules_are_skipped_on_create()
    {
        // mode defaults to on and size to 1: no rule fails; 'size never shrinks' uses oldSelf (update only).
        Assert.Empty(Problems("{}"));
        Assert.Empty(Problems("{name: w-1, free: {anything: [1, {deep: true}]}}"));
    }

    [Fact]
    public void A_message_expression_gives_the_message_and_a_field_path_the_place()
    {
        Assert.Equal(["spec: mode off needs size 0, not 1 (rule: self.mode != 'off' || self.size == 0); change the object so that the rule holds"], Problems("{mode: off}"));
        Assert.Equal(["spec.size: size is at most 10 (rule: self.size <= 10); change the object so that the rule holds"], Problems("{size: 11}"));
    }

    [Fact]
    public void Each_rule_sees_its_own_node_as_self()
    {
        Assert.Equal(["spec.name: name starts with w- (rule: self.startsWith('w-')); change the object so that the rule holds"], Problems("{name: x-1}"));
        Assert.Equal(["spec.ranges[1]: min is at most max (rule: self.min <= self.max); change the object so that the rule holds"],
            Problems("{ranges: [{id: a, min: 1, max: 2}, {id: b, min: 3, max: 2}]}"));
    }

    [Fact]
    public void A_rule_at_the_root_sees_the_name_but_not_the_rest_of_the_metadata()
    {
        var widget = (JsonObject)StackYaml.Read("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w, namespace: n, labels: {a: b}}\nspec: {}\n", "w.yaml")!;
        Assert.Empty(_check.Check(widget));
        widget["metadata"]!["name"] = "gadget";
        Assert.Equal(["a widget's name starts with w (rule: self.metadata.name.startsWith('w')); change the object so that the rule holds"],
            _check.Check(widget).Select(f => f.ToString()));
    }

    [Fact]
    public void An_embedded_resource_keeps_its_metadata_and_kind()
    {
        Assert.Empty(Problems("{template: {apiVersion: v1, kind: Pod, metadata: {name: p, labels: {a: b}}, spec: {containers: []}}}"));
        Assert.Equal(["spec.template.extra: unknown field: the API server prunes fields the CRD does not declare, so it would be dropped; " +
                      "remove it or fix its name (known here: metadata, spec)"],
            Problems("{template: {kind: Pod, extra: 1}}"));
    }

    [Fact]
    public void A_cluster_scoped_kind_takes_no_namespace()
    {
        var check = new CustomResourceCheck(CustomResourceDefinition.Read(StackYaml.Read(Crd.Replace("scope: Namespaced", "scope: Cluster", StringComparison.Ordinal), "crd.yaml"), out _)!);
        var findings = check.Check((JsonObject)StackYaml.Read("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w, namespace: n}\nspec: {}\n", "w.yaml")!);
        Assert.Equal(["metadata.namespace: is set, but a Widget is cluster-scoped: remove the namespace"], findings.Select(f => f.ToString()));
    }

    [Fact]
    public void A_date_time_string_is_a_timestamp_in_the_rules()
    {
        Assert.Empty(Problems("{until: '2029-12-31T23:00:00Z'}"));
        Assert.Equal(["spec.until: until is before 2030 (rule: self < timestamp('2030-01-01T00:00:00Z')); change the object so that the rule holds"], Problems("{until: '2031-01-01T00:00:00Z'}"));
    }

    [Fact]
    public void Enum_and_list_map_keys_are_checked()
    {
        Assert.Equal(["spec.mode: must be one of \"on\", \"off\", not the string \"auto\"; write one of them", CustomResourceCheck.RulesNotChecked],
            Problems("{mode: auto}"));
        Assert.Equal(["spec.ranges[1]: duplicates item 0 (id=\"a\"); the list is a map keyed by id: keep one"],
            Problems("{ranges: [{id: a, min: 1, max: 2}, {id: a, min: 1, max: 2}]}"));
    }

    [Fact]
    public void A_rule_that_cannot_be_evaluated_is_a_problem_not_a_pass()
    {
        var crd = Crd.Replace("self.startsWith('w-')", "self.startsWith(", StringComparison.Ordinal);
        var check = new CustomResourceCheck(CustomResourceDefinition.Read(StackYaml.Read(crd, "crd.yaml"), out _)!);
        var findings = check.Check((JsonObject)StackYaml.Read("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w, namespace: n}\nspec: {name: w-1}\n", "w.yaml")!);
        var finding = Assert.Single(findings);
        Assert.Equal("spec.name", finding.Path);
        Assert.StartsWith("the rule 'self.startsWith(' could not be evaluated (does not compile", finding.Message);
    }

    [Fact]
    public void A_rule_calling_a_kubernetes_cel_library_is_reported_and_a_format_not_checked_is_listed()
    {
        var crd = Crd.Replace("self.startsWith('w-')", "quantity(self).isGreaterThan(quantity('1'))", StringComparison.Ordinal)
            .Replace("format: date-time", "format: duration", StringComparison.Ordinal);
        var check = new CustomResourceCheck(CustomResourceDefinition.Read(StackYaml.Read(crd, "crd.yaml"), out _)!);
        var finding = Assert.Single(check.Check((JsonObject)StackYaml.Read("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w, namespace: n}\nspec: {name: '2'}\n", "w.yaml")!));
        Assert.StartsWith("spec.name: the rule 'quantity(self).isGreaterThan(quantity('1'))' could not be evaluated (", finding.ToString());
        Assert.Equal(["v1: format 'duration' at spec.until"], check.NotChecked);
    }

    [Theory]
    [InlineData("apiVersion: example.org/v1\nkind: Widget\nmetadata: [1, 2]\nspec: 7\n")]
    [InlineData("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w, namespace: n, labels: {a: 1}}\nspec: {ranges: [null, 3, {min: x}], size: 1e400, name: null}\n")]
    [InlineData("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w, namespace: n}\nspec: {size: 99999999999999999999999, mode: [on]}\n")]
    [InlineData("apiVersion: example.org/v1\nkind: Widget\n")]
    public void Malformed_objects_give_problems_never_exceptions(string yaml)
    {
        var findings = _check.Check((JsonObject)StackYaml.Read(yaml, "w.yaml")!);
        Assert.Contains(findings, f => f.IsError);
    }

    [Theory]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: {group: g, names: [1], versions: [{name: v1, schema: 3}, 4]}\n")]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: [1]\n")]
    [InlineData("- 1\n- 2\n")]
    public void A_malformed_crd_is_refused_with_problems_never_an_exception(string yaml)
    {
        Assert.Null(CustomResourceDefinition.Read(StackYaml.Read(yaml, "crd.yaml"), out var problems));
        Assert.NotEmpty(problems);
    }

    [Theory]
    [InlineData("spec: {group: g, names: {kind: K}, versions: [{name: v1, served: true, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {a: {type: string, pattern: '(', minLength: x, enum: 3, required: 5}}}}}}}]}")]
    [InlineData("spec: {group: g, names: {kind: K}, versions: [{name: v1, served: true, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, x-kubernetes-validations: [{rule: 3}, 4, {rule: 'self.a.b.c'}], anyOf: [1], items: 2}}}}}]}")]
    public void Malformed_crd_schemas_give_problems_never_exceptions(string specYaml)
    {
        var crd = CustomResourceDefinition.Read(StackYaml.Read("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n" + specYaml, "crd.yaml"), out var problems);
        Assert.Empty(problems);
        var check = new CustomResourceCheck(crd!);
        var findings = check.Check((JsonObject)StackYaml.Read("apiVersion: g/v1\nkind: K\nmetadata: {name: k, namespace: n}\nspec: {a: 'x', q: 1}\n", "k.yaml")!);
        Assert.Contains(findings, f => f.IsError);
    }
}
