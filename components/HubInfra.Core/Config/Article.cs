namespace HubInfra.Core.Config;

/// <summary>
/// "a" or "an" before a word as it is read aloud: a machine family such as <c>g2</c> or <c>n1</c> is read letter by
/// letter ("a g2", "an n1", "an a2"); other words by their first letter ("a node", "an event").
/// </summary>
public static class Article
{
    /// <summary>Letters whose spoken name starts with a vowel sound: a, e, f ("ef"), h ("aitch"), i, l, m, n, o, r, s, x.</summary>
    private const string VowelSoundLetters = "aefhilmnorsx";

    public static string For(string word)
    {
        if (word.Length == 0) return "a";
        var first = char.ToLowerInvariant(word[0]);
        var spelled = word.Length == 1 || char.IsAsciiDigit(word[1]) || word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
        var an = spelled ? VowelSoundLetters.Contains(first) : "aeiou".Contains(first);
        return an ? "an" : "a";
    }

    /// <summary>The word with its article: "a g2", "an n1".</summary>
    public static string With(string word) => $"{For(word)} {word}";
}
