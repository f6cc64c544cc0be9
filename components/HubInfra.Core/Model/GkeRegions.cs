namespace HubInfra.Core.Model;

/// <summary>
/// Every Google Cloud region GKE offers, with its location as Google's "Regions and zones" page lists it
/// (https://cloud.google.com/compute/docs/regions-zones, "Available regions and zones", read 2026-12-05), and the IANA
/// time zone of that location (tz database, the zone of the city or, for a place without a zone of its own, of its
/// country's or state's zone: Council Bluffs → America/Chicago, Montréal → America/Toronto, Querétaro →
/// America/Mexico_City). The zone gives a cluster's default maintenance window its local night; the list also says
/// which regions the built-in prices cover (<see cref="Capacity.PriceTable"/>).
/// </summary>
public static class GkeRegions
{
    public const string Source = "https://cloud.google.com/compute/docs/regions-zones";

    public const string AsOf = "2026-12-05";

    public static IReadOnlyList<GkeRegion> All { get; } =
    [
        new("africa-south1", "Johannesburg, South Africa", "Africa/Johannesburg"),
        new("asia-east1", "Changhua County, Taiwan", "Asia/Taipei"),
        new("asia-east2", "Hong Kong", "Asia/Hong_Kong"),
        new("asia-northeast1", "Tokyo, Japan", "Asia/Tokyo"),
        new("asia-northeast2", "Osaka, Japan", "Asia/Tokyo"),
        new("asia-northeast3", "Seoul, South Korea", "Asia/Seoul"),
        new("asia-south1", "Mumbai, India", "Asia/Kolkata"),
        new("asia-south2", "Delhi, India", "Asia/Kolkata"),
        new("asia-southeast1", "Jurong West, Singapore", "Asia/Singapore"),
        new("asia-southeast2", "Jakarta, Indonesia", "Asia/Jakarta"),
        new("australia-southeast1", "Sydney, Australia", "Australia/Sydney"),
        new("australia-southeast2", "Melbourne, Australia", "Australia/Melbourne"),
        new("europe-central2", "Warsaw, Poland", "Europe/Warsaw"),
        new("europe-north1", "Hamina, Finland", "Europe/Helsinki"),
        new("europe-north2", "Stockholm, Sweden", "Europe/Stockholm"),
        new("europe-southwest1", "Madrid, Spain", "Europe/Madrid"),
        new("europe-west1", "St. Ghislain, Belgium", "Europe/Brussels"),
        new("europe-west2", "London, England", "Europe/London"),
        new("europe-west3", "Frankfurt, Germany", "Europe/Berlin"),
        new("europe-west4", "Eemshaven, Netherlands", "Europe/Amsterdam"),
        new("europe-west6", "Zurich, Switzerland", "Europe/Zurich"),
        new("europe-west8", "Milan, Italy", "Europe/Rome"),
        new("europe-west9", "Paris, France", "Europe/Paris"),
        new("europe-west10", "Berlin, Germany", "Europe/Berlin"),
        new("europe-west12", "Turin, Italy", "Europe/Rome"),
        new("me-central1", "Doha, Qatar", "Asia/Qatar"),
        new("me-central2", "Dammam, Saudi Arabia", "Asia/Riyadh"),
        new("me-west1", "Tel Aviv, Israel", "Asia/Jerusalem"),
        new("northamerica-northeast1", "Montréal, Québec, Canada", "America/Toronto"),
        new("northamerica-northeast2", "Toronto, Ontario, Canada", "America/Toronto"),
        new("northamerica-south1", "Querétaro, Mexico", "America/Mexico_City"),
        new("southamerica-east1", "Osasco, São Paulo, Brazil", "America/Sao_Paulo"),
        new("southamerica-west1", "Santiago, Chile", "America/Santiago"),
        new("us-central1", "Council Bluffs, Iowa, USA", "America/Chicago"),
        new("us-east1", "Moncks Corner, South Carolina, USA", "America/New_York"),
        new("us-east4", "Ashburn, Virginia, USA", "America/New_York"),
        new("us-east5", "Columbus, Ohio, USA", "America/New_York"),
        new("us-south1", "Dallas, Texas, USA", "America/Chicago"),
        new("us-west1", "The Dalles, Oregon, USA", "America/Los_Angeles"),
        new("us-west2", "Los Angeles, California, USA", "America/Los_Angeles"),
        new("us-west3", "Salt Lake City, Utah, USA", "America/Denver"),
        new("us-west4", "Las Vegas, Nevada, USA", "America/Los_Angeles"),
    ];

    /// <summary>The region's row, or null for a region not in the list.</summary>
    public static GkeRegion? Find(string region) => All.FirstOrDefault(r => r.Name == region);
}
