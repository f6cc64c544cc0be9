namespace HubInfra.Core.Model;

/// <summary>
/// Generated accounts <c>{Prefix}001..{Prefix}{Count}</c> (the seats), plus one for each admin of the workshop hub
/// who is not a seat (e.g. <c>instructor</c>): one random password each. <see cref="Rotations"/> maps a user to a
/// counter: raising it replaces only that user's password (RESET of one seat).
/// </summary>
public sealed record GeneratedAccounts(string Prefix, int Count, IReadOnlyDictionary<string, int> Rotations)
{
    /// <summary>Admin users that are not seats; they get generated passwords like the seats.</summary>
    public IReadOnlyList<string> Admins { get; init; } = [];

    public int Digits => Math.Max(3, Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    /// <summary>The seats, then the extra admin accounts: everyone with a password.</summary>
    public IReadOnlyList<string> Usernames => Seats.Concat(Admins).ToList();

    public IReadOnlyList<string> Seats =>
        Enumerable.Range(1, Count).Select(i => $"{Prefix}{i.ToString($"D{Digits}", System.Globalization.CultureInfo.InvariantCulture)}").ToList();

    public int RotationOf(string user) => Rotations.TryGetValue(user, out var r) ? r : 0;
}

/// <summary>
/// One event password for everyone (JupyterHub 5.3+ SharedPasswordAuthenticator), or, with <see cref="Groups"/>,
/// one password per group (parallel sessions on one hub, JupyterHub 5.5+ <c>password_groups</c>) and no common one.
/// </summary>
public sealed record SharedPassword(int Rotation)
{
    public IReadOnlyList<string> Groups { get; init; } = [];
}

/// <summary>
/// Notebooks pulled into every home on start (nbgitpuller), and the notebook opened first. <see cref="Path"/> is a
/// folder inside the repository and <see cref="OpenFirst"/> a file inside that folder (or inside the repository's
/// root when there is no path); the repository lands in the home folder under its own name.
/// </summary>
public sealed record WorkshopContent(string RepositoryUrl, string Branch, string? Path, string? OpenFirst);

/// <summary>
/// What makes a hub a workshop hub: its content, and its generation — raising <see cref="Generation"/> is the
/// RESET: a new namespace (clean homes) and new passwords on the next <c>up</c>.
/// </summary>
public sealed record WorkshopSettings(WorkshopContent? Content, int Generation, int MaxServerAgeSeconds);
