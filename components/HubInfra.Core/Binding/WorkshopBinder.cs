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
        var maxAge = w.IntIn("maxServerAgeHours", 8, 1, ConfigLimits.ServerAgeHoursMax, " hours (up to a week)") * 3600;
        w.RejectUnknown();
        if (hubReader is null) return null;

        // Workshop hubs have no pools of their own in config: their profiles name the community's pools, checked later.
        var hub = HubBinder.Bind(hubReader, [], StackKind.Event, workshop: true);
        hubReader.RejectUnknown();
        var cull = hub.Cull with { MaxAgeSeconds = hub.Cull.MaxAgeSeconds == 0 ? maxAge : hub.Cull.MaxAgeSeconds };
        var ns = hubReader.Has("namespace") ? hub.Namespace : $"{hub.Name}-g{generation}";
        return hub with { Namespace = ns, Cull = cull, Workshop = new WorkshopSettings(content, generation, maxAge) };
    }
}
