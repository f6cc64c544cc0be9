using System.Text.RegularExpressions;

namespace HubInfra.Core.Tests.Corpus;

/// <summary>
/// The rule every error message keeps (README, "Messages"): it tells the user what to do. Precisely: it contains
/// "did you mean", or one of the imperative verbs below starting a clause (at the start, or after ';', ':', '?',
/// '.', "or", "and", "then"), e.g. "must be at most 4Gi: lower memory.guarantee or raise memory.limit".
/// </summary>
public static partial class FixRule
{
    public static readonly IReadOnlyList<string> Verbs =
    [
        "add", "change", "check", "choose", "close", "declare", "define", "delete", "destroy", "drop", "fix", "flatten",
        "give", "indent", "keep", "list", "lower", "move", "name", "pin", "put", "quote", "raise", "remove", "rename",
        "replace", "save", "set", "split", "use", "write",
    ];

    public static bool Holds(string message) =>
        message.Contains("did you mean", StringComparison.OrdinalIgnoreCase) || Imperative().IsMatch(message);

    [GeneratedRegex(@"(^|[;:?.]\s+|\b(or|and|then)\s+)(add|change|check|choose|close|declare|define|delete|destroy|drop|fix|flatten|give|indent|keep|list|lower|move|name|pin|put|quote|raise|remove|rename|replace|save|set|split|use|write)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();
}
