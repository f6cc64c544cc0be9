using System.Text;
using HubInfra.Core.Model;

namespace HubInfra.Core.Values;

/// <summary>
/// The organizer's roster of a workshop hub (<c>pulumi stack output roster --show-secrets</c>): CSV
/// <c>username,password,url</c>. <c>url</c> is the link to hand out: an nbgitpuller link that logs in, pulls the
/// workshop's content and opens its first notebook when the workshop has content, else the hub's login page.
/// </summary>
public static class WorkshopRoster
{
    public const string Header = "username,password,url";

    /// <summary>The link every attendee of <paramref name="hub"/> receives.</summary>
    public static string Url(HubSettings hub)
    {
        if (hub.Workshop?.Content is not { } content)
            return $"{hub.Url}/hub/login";
        var urlPath = WorkshopContentValues.DefaultUrl(content).TrimStart('/');
        return $"{hub.Url}/hub/user-redirect/git-pull?repo={Uri.EscapeDataString(content.RepositoryUrl)}" +
               $"&branch={Uri.EscapeDataString(content.Branch)}&urlpath={Uri.EscapeDataString(urlPath)}";
    }

    /// <summary>One line per account, in the order given, each with the hub's link.</summary>
    public static string Csv(HubSettings hub, IEnumerable<(string User, string Password)> rows)
    {
        var url = Field(Url(hub));
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var (user, password) in rows)
            sb.Append(Field(user)).Append(',').Append(Field(password)).Append(',').Append(url).Append('\n');
        return sb.ToString();
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
