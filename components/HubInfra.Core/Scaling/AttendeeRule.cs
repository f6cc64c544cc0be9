namespace HubInfra.Core.Scaling;

/// <summary>Which of a hub's running servers the scaler counts as the event's attendees.</summary>
public enum AttendeeRule
{
    /// <summary>The event's own workshop hub: every server is an attendee's.</summary>
    AllServers,

    /// <summary>
    /// A shared community hub: the servers whose pods were created at or after the warm window's warm-up
    /// (<c>metadata.creationTimestamp</c>, set by the API server and never changed). Regular users already running at
    /// warm-up are never counted, and nothing the scaler stores can be lost: the count is the same after a restart, a
    /// lost state ConfigMap or a <c>pulumi up</c> in the middle of a window.
    /// </summary>
    CreatedSinceWarmUp,
}

public static class AttendeeRules
{
    public static string Name(this AttendeeRule rule) => rule == AttendeeRule.AllServers ? "all-servers" : "created-since-warm-up";
}
