namespace HubInfra.Core.Values;

/// <summary>
/// The storage classes hubs use. Community homes and hub databases use a class with <c>reclaimPolicy: Retain</c>:
/// even a deleted claim leaves its disk behind. Workshop homes use <c>Delete</c>: they go with the event stack.
/// </summary>
public static class StorageClasses
{
    public const string Retain = "hubinfra-retain";
    public const string Delete = "hubinfra-delete";
}
