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
        var home = ParseMemory(r, "homeStorage", "10Gi", 1, ConfigLimits.HomeStorageMaxGiB, "10Gi");

        var cullReader = r.Object("culling");
        var cull = new CullSettings(
            cullReader?.Bool("enabled", true) ?? true,
            cullReader?.IntIn("timeoutSeconds", workshop ? 1800 : 3600, 60, ConfigLimits.CullSecondsMax, " seconds (1 minute to 30 days)") ?? (workshop ? 1800 : 3600),
            cullReader?.IntIn("everySeconds", workshop ? 300 : 600, 10, ConfigLimits.CullEveryMax, " seconds (10 seconds to a day)") ?? (workshop ? 300 : 600),
            cullReader?.IntIn("maxAgeSeconds", workshop ? 8 * 3600 : 0, 0, ConfigLimits.CullSecondsMax, " seconds (0: no maximum; at most 30 days)") ?? (workshop ? 8 * 3600 : 0));
        cullReader?.RejectUnknown();

        var admins = r.Strings("adminUsers");
        var auth = AuthBinder.Bind(r, kind, workshop);

        var prePuller = r.Object("prePuller");
        var extra = new List<ImageRef>();
        if (prePuller is not null)
        {
            // Both image forms: "name:tag" strings, or { name, tag } objects as in hubs[].image.
            if (prePuller.IsListOfObjects("extraImages"))
                extra.AddRange(prePuller.Objects("extraImages").Select(ImageOf));
            else
                extra.AddRange(prePuller.Strings("extraImages").Select(s => ImageRef.Parse(s.Trim())));
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
            if (v is < 1) s.Error(key, "must be at least 1; set 1 or more, or leave it out for the default");
            return v;
        }
        (double? Cpu, Memory? Memory) Requests(string key)
        {
            var o = s.Object(key);
            if (o is null) return (null, null);
            var cpu = o.BoundedDouble("cpu", 0, ConfigLimits.CpuPerUserMax, " cores (the largest GCE machine)", minExclusive: true, example: "0.5");
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
            r.Error("letsEncryptContact", "HTTPS needs a Let's Encrypt contact e-mail or an existingSecret (a TLS secret in the hub's namespace); set one of them");
        if (contact is not null && secret is not null)
            r.Error("existingSecret", "set either letsEncryptContact or existingSecret, not both; remove one");
        return new HttpsSettings(enabled, contact, secret);
    }

    /// <summary>An image as <c>{ name, tag }</c> or as one <c>name:tag</c> string (the form prePuller.extraImages uses).</summary>
    public static ImageRef? BindImage(ConfigReader r, string key, bool required)
    {
        if (r.IsString(key))
            return ImageRef.Parse((r.String(key) ?? "").Trim()) with { IsReference = true };
        var image = r.Object(key, required, example: $"{key}: {{ name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }} or {key}: quay.io/jupyter/scipy-notebook:2025-03-14");
        return image is null ? null : ImageOf(image);
    }

    private static ImageRef ImageOf(ConfigReader image)
    {
        var name = image.String("name", required: true, example: "quay.io/jupyter/scipy-notebook") ?? "";
        var written = image.NumberText("tag");
        var tag = image.String("tag") ?? "";
        if (written is not null)
        {
            var read = double.TryParse(written, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : written;
            image.Error("tag", read == written
                ? $"YAML reads {written} as a number, not a tag; quote it: tag: \"{written}\""
                : $"YAML reads {written} as the number {read}, so the tag would be \"{read}\"; quote it: tag: \"{written}\"");
            tag = written;
        }
        var pinned = ImageRef.Parse(name);
        if (name.Contains('@'))
            image.Error("name", $"'{name}' carries a digest; put only the repository in name and the tag in tag, e.g. name: {name[..name.IndexOf('@')]}");
        else if (pinned.Tag.Length > 0)
            image.Error("name", $"'{name}' carries the tag '{pinned.Tag}'; put only the repository in name and move the tag: name: {pinned.Name}, tag: \"{pinned.Tag}\"");
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
            var cpu = p.Object("cpu", example: "{ guarantee: 0.5, limit: 2 }");
            const string Cores = " cores (the largest GCE machine has 416)";
            var cpuGuarantee = cpu?.DoubleIn("guarantee", 0.5, ConfigLimits.CpuPerUserMin, ConfigLimits.CpuPerUserMax, Cores) ?? 0.5;
            var cpuLimit = cpu?.DoubleIn("limit", Math.Max(cpuGuarantee, 2), ConfigLimits.CpuPerUserMin, ConfigLimits.CpuPerUserMax, Cores) ?? Math.Max(cpuGuarantee, 2);
            cpu?.RejectUnknown();
            var memory = p.Object("memory", example: "{ guarantee: 2G, limit: 4G }");
            var memGuarantee = ParseMemory(memory, "guarantee", "2G", 0, ConfigLimits.MemoryPerUserMaxGiB, "2G");
            var memLimit = ParseMemory(memory, "limit", memGuarantee.Bytes > 0 ? memGuarantee.ToKubeSpawner() : "4G", 0, ConfigLimits.MemoryPerUserMaxGiB, "4G");
            memory?.RejectUnknown();
            var image = BindImage(p, "image", required: false);
            var isDefault = p.Bool("default", false);
            var gpus = p.IntIn("gpus", 0, 0, ConfigLimits.GpusPerNode, " GPUs per user");
            p.RejectUnknown();
            result.Add(new ProfileSettings(name, display, description, pool, cpuGuarantee, cpuLimit, memGuarantee, memLimit, image, isDefault, gpus, p.Path));
        }
        if (!result.Any(p => p.Default) && result.Count > 0)
            result[0] = result[0] with { Default = true };
        return result;
    }

    /// <summary>
    /// Memory as KubeSpawner spells it: a number and K, M, G or T (binary: G is 2^30 bytes; Ki, Mi, Gi, Ti mean the same).
    /// A bare number (KubeSpawner: bytes) and SI-looking units (GB, gb, GiB) are errors with the spelling to use.
    /// </summary>
    private static Memory ParseMemory(ConfigReader? r, string key, string @default, long minGiB, long maxGiB, string example)
    {
        if (r is not null && r.NumberText(key) is { } bare)
        {
            r.String(key);
            r.Error(key, $"{bare} has no unit, so KubeSpawner would read it as {bare} bytes; write {bare}G for GiB or {bare}M for MiB");
            return default;
        }
        var text = r?.String(key) ?? @default;
        if (!Memory.TryParse(text, out var m))
        {
            if (Memory.IsZero(text))
            {
                r?.Error(key, $"must be more than 0, not {text}; set e.g. {example}");
                return default;
            }
            r?.Error(key, Memory.Suggest(text) is { } fix
                ? $"'{text}' is not a unit KubeSpawner reads; write {fix} (G means GiB, 2^30 bytes)"
                : $"'{text}' is not an amount of memory; write a number and K, M, G or T, e.g. {example}");
            return default;
        }
        if (m.Bytes < minGiB * Memory.GiB || m.Bytes > maxGiB * Memory.GiB)
        {
            r?.Error(key, $"must be from {(minGiB == 0 ? "1M" : $"{minGiB}G")} to {maxGiB:N0}G, not {text}; set a value in that range");
            return default;
        }
        return m;
    }
}
