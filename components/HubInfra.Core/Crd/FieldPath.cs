namespace HubInfra.Core.Crd;

/// <summary>
/// A field's path as the API server prints it (k8s.io/apimachinery, pkg/util/validation/field, <c>Path</c>):
/// <c>spec.podTemplateRef.name</c>, list items <c>status.conditions[0]</c>, map keys <c>spec.limits[cpu]</c>.
/// </summary>
public static class FieldPath
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Key(string path, string key) => $"{path}[{key}]";
}
