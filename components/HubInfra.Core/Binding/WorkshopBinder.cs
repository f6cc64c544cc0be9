using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Binding;

/// <summary>Binds an event's <c>workshop</c>: its own hub, content and generation (the RESET counter).</summary>
public static class WorkshopBinder
{
    public static HubSettings? Bind(ConfigReader? w)
    {
        if (w is null) return null;
        var hubReader = w.Object("hub", required: true, example: "hub: { name: ws, domain: ws.example.org, image: {...}, auth: { accounts: { count: 40 } } }");
        var contentReader = w.Object("content");
        WorkshopContent? content = null;
        if (contentReader is not null)
        {
            content = new WorkshopContent(
                contentReader.String("repository", required: true, example: "repository: https://github.com/org/workshop") ?? "",
                contentReader.Text("branch", "main"),
                contentReader.String("path"),
                contentReader.String("openFirst"));
            contentReader.RejectUnknown();
        }
        var generation = w.IntIn("generation", 1, 1, ConfigLimits.WorkshopGenerationMax, " (raise it by one to RESET the workshop: clean homes, new passwords)");
        int? maxAgeHours = w.Has("maxServerAgeHours")
            ? w.IntIn("maxServerAgeHours", 8, 0, ConfigLimits.ServerAgeHoursMax, " hours (0: no limit; at most a week)")
            : null;
        w.RejectUnknown();
        if (hubReader is null) return null;

        // Workshop hubs have no pools of their own in config: their profiles name the community's pools, checked later.
        var hub = HubBinder.Bind(hubReader, [], StackKind.Event, workshop: true);
        hubReader.RejectUnknown();

        // maxServerAgeHours is the workshop's word for the culler's maxAge; hub.culling.maxAgeSeconds says the same.
        var explicitMaxAge = hubReader.Object("culling")?.Has("maxAgeSeconds") == true;
        if (maxAgeHours is not null && explicitMaxAge)
            w.Error("maxServerAgeHours", "and hub.culling.maxAgeSeconds both set the servers' maximum age; keep only maxServerAgeHours");
        var cull = maxAgeHours is >= 0 && !explicitMaxAge ? hub.Cull with { MaxAgeSeconds = maxAgeHours.Value * 3600 } : hub.Cull;

        // Admins of generated accounts get generated passwords too (in the roster), unless they are seats already.
        var auth = hub.Auth;
        if (auth.Accounts is { } accounts)
        {
            var seats = accounts.Seats.ToHashSet(StringComparer.Ordinal);
            auth = auth with { Accounts = accounts with { Admins = hub.AdminUsers.Where(a => !seats.Contains(a)).Distinct(StringComparer.Ordinal).ToList() } };
        }
        var ns = hubReader.Has("namespace") ? hub.Namespace : $"{hub.Name}-g{generation}";
        return hub with { Namespace = ns, Cull = cull, Auth = auth, Workshop = new WorkshopSettings(content, generation, cull.MaxAgeSeconds) };
    }
}
