using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Binding;

/// <summary>Binds one hub object (<c>hubinfra:hubs[i]</c>, or an event's <c>workshop.hub</c>) to <see cref="HubSettings"/>.</summary>
public static class HubBinder
{
    public const string DefaultChartVersion = "4.4.0";

    public static HubSettings Bind(ConfigReader r, IReadOnlyList<NodePoolSettings> userPools, StackKind kind, bool workshop = false)
    {
        var name = r.String("name", required: true, example: "name: main") ?? "";
        var ns = r.Text("namespace", name);
        var local = kind == StackKind.Local;
        var domain = r.String("domain", required: !local, example: "domain: hub.example.org") ?? (local ? "localhost" : "");

        var httpsReader = r.Object("https");
        var https = BindHttps(httpsReader, local);

        var staticIp = r.Bool("staticIp", !local);
        var chart = r.Text("chartVersion", DefaultChartVersion);

        var image = BindImage(r, "image", required: true) ?? new ImageRef("", "");
        var profiles = BindProfiles(r, userPools);
        var homeText = r.Text("homeStorage", "10Gi");
        if (!Memory.TryParse(homeText, out var home))
            r.Error("homeStorage", $"'{homeText}' is not a size; write e.g. 10Gi");

        var cullReader = r.Object("culling");
        var cull = new CullSettings(
            cullReader?.Bool("enabled", true) ?? true,
            cullReader?.Int("timeoutSeconds", workshop ? 1800 : 3600) ?? (workshop ? 1800 : 3600),
            cullReader?.Int("everySeconds", workshop ? 300 : 600) ?? (workshop ? 300 : 600),
            cullReader?.Int("maxAgeSeconds", workshop ? 8 * 3600 : 0) ?? (workshop ? 8 * 3600 : 0));
        cullReader?.RejectUnknown();

        var admins = r.Strings("adminUsers");
        var auth = AuthBinder.Bind(r, kind, workshop);

        var prePuller = r.Object("prePuller");
        var extra = new List<ImageRef>();
        if (prePuller is not null)
        {
            var refs = prePuller.Strings("extraImages");
            for (var i = 0; i < refs.Count; i++)
                extra.Add(ImageRef.Parse(refs[i]));
            prePuller.RejectUnknown();
        }

        var podPriority = r.Bool("podPriority", true);
        var storm = BindStorm(r.Object("loginStorm"));

        return new HubSettings(name, ns, domain, https, staticIp, chart, image, profiles, home, cull, admins, auth, extra, podPriority, r.Path)
        {
            Storm = storm,
        };
    }

    /// <summary><c>loginStorm</c>: z2jh settings for many people logging in at once (README "A hub that holds the storm").</summary>
    private static HubStormSettings? BindStorm(ConfigReader? s)
    {
        if (s is null) return null;
        int? Positive(string key)
        {
            var v = s.OptionalInt(key);
            if (v is < 1) s.Error(key, "must be at least 1");
            return v;
        }
        (double? Cpu, Memory? Memory) Requests(string key)
        {
            var o = s.Object(key);
            if (o is null) return (null, null);
            var cpu = o.OptionalDouble("cpu");
            if (cpu is not null && !(cpu > 0)) o.Error("cpu", "must be a positive number of cores, e.g. 0.5");
            Memory? memory = null;
            if (o.String("memory") is { } text)
            {
                if (Memory.TryParse(text, out var m)) memory = m;
                else o.Error("memory", $"'{text}' is not a size; write e.g. 1Gi");
            }
            o.RejectUnknown();
            return (cpu, memory);
        }
        var spawn = Positive("concurrentSpawnLimit");
        var active = Positive("activeServerLimit");
        var failures = s.OptionalInt("consecutiveFailureLimit");
        if (failures is < 0) s.Error("consecutiveFailureLimit", "must be 0 (never restart the hub) or more");
        var timeout = Positive("startTimeoutSeconds");
        var hub = Requests("hub");
        var proxy = Requests("proxy");
        s.RejectUnknown();
        return new HubStormSettings(spawn, active, failures, timeout, hub.Cpu, hub.Memory, proxy.Cpu, proxy.Memory);
    }

    private static HttpsSettings BindHttps(ConfigReader? r, bool local)
    {
        if (r is null)
            return new HttpsSettings(!local, null, null);
        var enabled = r.Bool("enabled", !local);
        var contact = r.String("letsEncryptContact");
        var secret = r.String("existingSecret");
        r.RejectUnknown();
        if (enabled && contact is null && secret is null)
            r.Error("letsEncryptContact", "HTTPS needs a Let's Encrypt contact e-mail or an existingSecret (a TLS secret in the hub's namespace)");
        if (contact is not null && secret is not null)
            r.Error("existingSecret", "set either letsEncryptContact or existingSecret, not both");
        return new HttpsSettings(enabled, contact, secret);
    }

    public static ImageRef? BindImage(ConfigReader r, string key, bool required)
    {
        var image = r.Object(key, required, example: $"{key}: {{ name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }}");
        if (image is null) return null;
        var name = image.String("name", required: true, example: "name: quay.io/jupyter/scipy-notebook") ?? "";
        var tag = image.String("tag") ?? "";
        image.RejectUnknown();
        return new ImageRef(name, tag);
    }

    private static IReadOnlyList<ProfileSettings> BindProfiles(ConfigReader r, IReadOnlyList<NodePoolSettings> userPools)
    {
        var readers = r.Objects("profiles");
        if (readers.Count == 0)
        {
            var pool = userPools.FirstOrDefault()?.Name ?? "user";
            return [new ProfileSettings("default", "Default", "The default environment", pool, 0.5, 2, Memory.FromGiB(2), Memory.FromGiB(4), null, true, 0, r.KeyOf("profiles"))];
        }

        var result = new List<ProfileSettings>();
        foreach (var p in readers)
        {
            var name = p.String("name", required: true, example: "name: small") ?? "";
            var display = p.Text("displayName", name);
            var description = p.Text("description", "");
            var pool = p.String("nodePool") ?? userPools.FirstOrDefault()?.Name ?? "";
            var cpu = p.Object("cpu");
            var cpuGuarantee = cpu?.Double("guarantee", 0.5) ?? 0.5;
            var cpuLimit = cpu?.Double("limit", Math.Max(cpuGuarantee, 2)) ?? Math.Max(cpuGuarantee, 2);
            cpu?.RejectUnknown();
            var memory = p.Object("memory");
            var memGuarantee = ParseMemory(memory, "guarantee", "2G");
            var memLimit = ParseMemory(memory, "limit", memGuarantee.Bytes > 0 ? memGuarantee.ToKubeSpawner() : "4G");
            memory?.RejectUnknown();
            var image = BindImage(p, "image", required: false);
            var isDefault = p.Bool("default", false);
            var gpus = p.Int("gpus", 0);
            p.RejectUnknown();
            result.Add(new ProfileSettings(name, display, description, pool, cpuGuarantee, cpuLimit, memGuarantee, memLimit, image, isDefault, gpus, p.Path));
        }
        if (!result.Any(p => p.Default) && result.Count > 0)
            result[0] = result[0] with { Default = true };
        return result;
    }

    private static Memory ParseMemory(ConfigReader? r, string key, string @default)
    {
        var text = r?.String(key) ?? @default;
        if (Memory.TryParse(text, out var m)) return m;
        r?.Error(key, $"'{text}' is not an amount of memory; write e.g. 2G or 1536M");
        return default;
    }
}
