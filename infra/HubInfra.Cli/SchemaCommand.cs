using System.CommandLine;
using System.Text.Json.Nodes;
using HubInfra.Core.Config;
using NJsonSchema;

namespace HubInfra.Cli;

/// <summary>
/// <c>check-schema --schema values.schema.yaml [--defaults values.yaml] FILES...</c>: merges each rendered values
/// file over the chart's defaults the way Helm does (maps merge, everything else replaces) and validates the result
/// against the chart's JSON schema.
/// </summary>
public static class SchemaCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var schema = new Option<string>("--schema") { Description = "The chart's values.schema.yaml (or .json)", Required = true };
        var defaults = new Option<string?>("--defaults") { Description = "The chart's values.yaml; without it, 'required' findings are not reported" };
        var files = new Argument<string[]>("values") { Description = "Rendered values.yaml files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check-schema", "Validate rendered values against the z2jh chart schema after a Helm-style merge over the chart defaults.") { schema, defaults, files };
        command.SetAction(result => Run(result.GetValue(schema)!, result.GetValue(defaults), result.GetValue(files)!, stdout, stderr));
        return command;
    }

    public static int Run(string schemaPath, string? defaultsPath, IReadOnlyList<string> files, TextWriter stdout, TextWriter stderr)
    {
        var schema = JsonSchema.FromJsonAsync(ReadYaml(schemaPath)!.ToJsonString()).GetAwaiter().GetResult();
        var defaults = defaultsPath is not null && File.Exists(defaultsPath) ? ReadYaml(defaultsPath) : null;
        stdout.WriteLine(defaults is null
            ? "check-schema: chart defaults (values.yaml) not given: checked types and unknown keys only, not 'required'"
            : $"check-schema: each file merged over {defaultsPath} (Helm-style), then validated");
        var failed = 0;
        foreach (var file in files)
        {
            var values = ReadYaml(file) ?? new JsonObject();
            var merged = defaults is null ? values : HelmMerge.Merge(defaults.DeepClone(), values);
            var errors = schema.Validate(merged!.ToJsonString())
                .Where(e => defaults is not null || e.Kind != NJsonSchema.Validation.ValidationErrorKind.PropertyRequired)
                .ToList();
            if (errors.Count == 0)
            {
                stdout.WriteLine($"{file}: valid");
                continue;
            }
            failed++;
            foreach (var e in errors)
                stderr.WriteLine($"{file}: {e.Path}: {e.Kind}");
        }
        return failed > 0 ? 1 : 0;
    }

    private static JsonNode? ReadYaml(string path)
    {
        return StackYaml.Read(File.ReadAllText(path), path);
    }
}
