using System.Globalization;
using System.Text.RegularExpressions;

namespace HubInfra.Core.Model;

/// <summary>
/// An amount of memory or storage in bytes. Parses KubeSpawner's and Kubernetes' binary spellings: <c>2G</c>, <c>2Gi</c>,
/// <c>512M</c>, <c>512Mi</c>, <c>1T</c> — all binary (KubeSpawner reads <c>G</c> as 2^30, and so do we). A bare number
/// and units KubeSpawner does not read (<c>GB</c>, <c>GiB</c>, <c>g</c>) are refused; <see cref="Suggest"/> gives the spelling to use.
/// </summary>
public readonly partial record struct Memory(long Bytes)
{
    public const long MiB = 1L << 20;
    public const long GiB = 1L << 30;

    public double GiBValue => (double)Bytes / GiB;

    public static Memory FromGiB(double gib) => new((long)Math.Round(gib * GiB));

    public static bool TryParse(string? text, out Memory memory)
    {
        memory = default;
        if (text is null) return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        var number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var factor = m.Groups[2].Value.ToUpperInvariant() switch
        {
            "K" => 1L << 10,
            "M" => MiB,
            "G" => GiB,
            "T" => 1L << 40,
            _ => 1L,
        };
        memory = new Memory((long)Math.Round(number * factor));
        return memory.Bytes > 0;
    }

    /// <summary>True for a well-formed amount of nothing (<c>0G</c>, <c>0.0M</c>): readable, but no amount of memory.</summary>
    public static bool IsZero(string? text)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        return m.Success && double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>KubeSpawner's spelling (<c>2G</c>, <c>1536M</c>).</summary>
    public string ToKubeSpawner() => Bytes % GiB == 0 ? $"{Bytes / GiB}G" : $"{Bytes / MiB}M";

    /// <summary>Kubernetes quantity (<c>2Gi</c>, <c>1536Mi</c>).</summary>
    public string ToQuantity() => Bytes % GiB == 0 ? $"{Bytes / GiB}Gi" : $"{Bytes / MiB}Mi";

    public override string ToString() => ToQuantity();

    /// <summary>The KubeSpawner spelling of a near-miss such as <c>7GB</c>, <c>7 GiB</c> or <c>7g</c> (<c>7G</c>), else null.</summary>
    public static string? Suggest(string? text)
    {
        var m = NearMiss().Match(text?.Trim() ?? "");
        return m.Success ? $"{m.Groups[1].Value}{m.Groups[2].Value.ToUpperInvariant()}" : null;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)([KMGT])i?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([KMGTkmgt])(?:i?[Bb]|I?B|i)?$")]
    private static partial Regex NearMiss();
}
