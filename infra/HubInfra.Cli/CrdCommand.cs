using System.CommandLine;
using System.Text.Json.Nodes;
using HubInfra.Core.Config;
using HubInfra.Core.Crd;
using HubInfra.Core.Model;

namespace HubInfra.Cli;

/// <summary>
/// <c>check-crd --crd CRD.yaml [--allow-none] FILES...</c>: every object in the files of the CRD's API group and
/// kind is checked as the API server would check it on create (served version, metadata, structural schema,
/// x-kubernetes-validations rules). One line per problem (<c>FILE: document N (Kind ns/name): PATH: message</c>),
/// then a summary; exit 1 on any error, and when no object of the kind was found unless <c>--allow-none</c>.
/// </summary>
public static class CrdCommand
{
    /// <summary>Largest file read (a rendered event's manifests are a few KB).</summary>
    public const long MaxBytes = StackFile.MaxBytes;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var crd = new Option<string>("--crd") { Description = "The CustomResourceDefinition's YAML file", Required = true };
        var allowNone = new Option<bool>("--allow-none") { Description = "Succeed when the files hold no object of the CRD's kind" };
        var files = new Argument<string[]>("files") { Description = "Multi-document YAML files (e.g. rendered event/manifests.yaml)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check-crd", "Check every object of a CRD's kind in the files against the CRD: served version, schema and validation rules.") { crd, allowNone, files };
        command.SetAction(result => Run(result.GetValue(crd)!, result.GetValue(allowNone), result.GetValue(files)!, stdout, stderr));
        return command;
    }

    public static int Run(string crdPath, bool allowNone, IReadOnlyList<string> files, TextWriter stdout, TextWriter stderr)
    {
        CustomResourceDefinition? definition;
        try
        {
            var documents = YamlDocuments.Read(ReadText(crdPath), crdPath);
            definition = CustomResourceDefinition.Read(documents.FirstOrDefault(d => d is not null), out var crdProblems);
            foreach (var p in crdProblems) stderr.WriteLine($"{crdPath}: {p}");
        }
        catch (StackFileException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        if (definition is null) return 1;

        var check = new CustomResourceCheck(definition);
        foreach (var skipped in check.NotChecked)
            stdout.WriteLine($"{crdPath}: note: not checked by check-crd: {skipped}");

        int objects = 0, failedObjects = 0, errors = 0, warnings = 0;
        foreach (var file in files)
        {
            IReadOnlyList<JsonNode?> documents;
            try
            {
                documents = YamlDocuments.Read(ReadText(file), file);
            }
            catch (StackFileException e)
            {
                stdout.WriteLine(e.Message);
                errors++;
                continue;
            }
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                var where = $"{file}: document {i + 1} ({definition.Kind} {CustomResourceCheck.NameOf(document)})";
                if (check.OtherGroup(document) is { } group)
                {
                    stdout.WriteLine($"{where}: warning: not checked: its API group is '{group}', the CRD's is '{definition.Group}'");
                    warnings++;
                    continue;
                }
                if (!check.Matches(document)) continue;
                objects++;
                var findings = check.Check((JsonObject)document!);
                foreach (var finding in findings)
                    stdout.WriteLine($"{where}: {finding}");
                var objectErrors = findings.Count(f => f.IsError);
                errors += objectErrors;
                warnings += findings.Count - objectErrors;
                if (objectErrors > 0) failedObjects++;
            }
        }

        var summary = $"check-crd: {Plural.Of(objects, $"{definition.Kind} object")} in {Plural.Of(files.Count, "file")}: " +
            $"{objects - failedObjects} valid, {failedObjects} with errors ({Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")})";
        stdout.WriteLine(summary);
        if (objects == 0 && !allowNone)
        {
            stdout.WriteLine($"check-crd: no {definition.Kind} ({definition.Group}) found in the files, so nothing was checked; " +
                "give the files that hold them, or pass --allow-none where none is expected");
            return 1;
        }
        return errors > 0 ? 1 : 0;
    }

    private static string ReadText(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
                throw new StackFileException(path, null, null, $"is {length:N0} bytes; check-crd reads files of at most {MaxBytes:N0} bytes: split it");
            return StackFile.Decode(File.ReadAllBytes(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new StackFileException(path, null, null, $"cannot be read ({e.Message.TrimEnd('.')}); check that it is a readable file");
        }
    }
}
