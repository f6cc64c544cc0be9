namespace HubInfra.Core.Scaling;

/// <summary>
/// When the people of one window open their server, relative to the window's start. The default is an assumption,
/// one often quoted for workshops ("70% arriving within 15 minutes of the start"): 10% come 20 to 10 minutes early,
/// 70% from 10 minutes before to 15 minutes after the start, 20% late, spread over the rest of the first hour. Each
/// share is uniform in its span. Replace it with your own event's login times when you have them (JupyterHub's
/// <c>/hub/api/users</c> gives each server's <c>started</c>).
/// </summary>
public sealed record ArrivalCurve(IReadOnlyList<ArrivalBand> Bands)
{
    public static ArrivalCurve Default { get; } = new([
        new ArrivalBand(0.10, -20 * 60, -10 * 60),
        new ArrivalBand(0.70, -10 * 60, 15 * 60),
        new ArrivalBand(0.20, 15 * 60, 60 * 60),
    ]);

    /// <summary>
    /// <paramref name="count"/> arrival times in seconds from the start, sorted; none later than
    /// <paramref name="latestSeconds"/> (a window shorter than the curve squeezes its late band into the window).
    /// </summary>
    public double[] Sample(int count, double latestSeconds, Random rng)
    {
        var total = Bands.Sum(b => b.Share);
        var times = new double[Math.Max(0, count)];
        for (var i = 0; i < times.Length; i++)
        {
            var u = rng.NextDouble() * total;
            var band = Bands[^1];
            foreach (var b in Bands)
            {
                if (u < b.Share) { band = b; break; }
                u -= b.Share;
            }
            var to = Math.Min(band.ToSeconds, latestSeconds);
            var from = Math.Min(band.FromSeconds, to);
            times[i] = from + rng.NextDouble() * (to - from);
        }
        Array.Sort(times);
        return times;
    }
}

/// <summary>A share of the people arriving uniformly between two offsets (seconds) from the window's start.</summary>
public sealed record ArrivalBand(double Share, double FromSeconds, double ToSeconds);
