namespace HubInfra.Core.Hub;

/// <summary>
/// Python the hub runs, kept in <c>.py</c> files beside this one (embedded resources) so it is linted and tested as
/// Python (tests/hub): z2jh's <c>jupyterhub_config.py</c> executes each <c>hub.extraConfig</c> entry verbatim.
/// </summary>
public static class HubPython
{
    /// <summary>
    /// Failed logins throttled per (client address, account) and per client address, without a password check while a
    /// lock lasts; the base class of both workshop authenticators, so its <c>hub.extraConfig</c> entry runs first.
    /// </summary>
    public static string LoginThrottle { get; } = Load("login_throttle.py");

    /// <summary>Generated accounts: bcrypt hashes from the mounted Secret, checked off the event loop.</summary>
    public static string WorkshopAccounts { get; } = Load("workshop_accounts.py");

    /// <summary>Shared passwords (and one password per group) through JupyterHub's SharedPasswordAuthenticator.</summary>
    public static string WorkshopSharedPassword { get; } = Load("workshop_shared_password.py");

    private static string Load(string file)
    {
        using var stream = typeof(HubPython).Assembly.GetManifestResourceStream($"HubInfra.Core.Hub.{file}")
            ?? throw new InvalidOperationException($"embedded resource HubInfra.Core.Hub.{file} is missing from {typeof(HubPython).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
