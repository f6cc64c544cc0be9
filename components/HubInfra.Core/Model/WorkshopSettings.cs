namespace HubInfra.Core.Model;

/// <summary>
/// Generated accounts <c>{Prefix}001..{Prefix}{Count}</c>, one random password each. <see cref="Rotations"/>
/// maps a user to a counter: raising it replaces only that user's password (RESET of one seat).
/// </summary>
public sealed record GeneratedAccounts(string Prefix, int Count, IReadOnlyDictionary<string, int> Rotations)
{
    public int Digits => Math.Max(3, Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    public IReadOnlyList<string> Usernames =>
        Enumerable.Range(1, Count).Select(i => $"{Prefix}{i.ToString($"D{Digits}", System.Globalization.CultureInfo.InvariantCulture)}").ToList();

    public int RotationOf(string user) => Rotations.TryGetValue(user, out var r) ? r : 0;
}

/// <summary>One event password for everyone (JupyterHub 5.3+ SharedPasswordAuthenticator).</summary>
public sealed record SharedPassword(int Rotation);

/// <summary>Notebooks pulled into every home on start (nbgitpuller), and the notebook opened first.</summary>
public sealed record WorkshopContent(string RepositoryUrl, string Branch, string? Path, string? OpenFirst);

/// <summary>
/// What makes a hub a workshop hub: its content, and its generation — raising <see cref="Generation"/> is the
/// RESET: a new namespace (clean homes) and new passwords on the next <c>up</c>.
/// </summary>
public sealed record WorkshopSettings(WorkshopContent? Content, int Generation, int MaxServerAgeSeconds);
