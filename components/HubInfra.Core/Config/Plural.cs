using System.Globalization;

namespace HubInfra.Core.Config;

/// <summary>Counted nouns as people write them: "1 seat", "7 seats", "1 file changed".</summary>
public static class Plural
{
    public static string Of(int n, string singular, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";
}
