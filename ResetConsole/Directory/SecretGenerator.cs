using System.Security.Cryptography;

namespace ResetConsole.Directory;

/// <summary>
/// Secrets the agent never sees: CSPRNG characters with every class present (upper, lower, digit, symbol), which
/// meets common directory complexity rules (AD's three-of-four, OpenLDAP ppolicy quality checks).
/// </summary>
public static class SecretGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-=?@^_";

    public static string Generate(int length = 20, bool symbols = true)
    {
        var classes = symbols ? new[] { Upper, Lower, Digits, Symbols } : [Upper, Lower, Digits];
        if (length < classes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "Too short to include every character class.");
        }

        var all = string.Concat(classes);
        var chars = classes.Select(Pick).Concat(Enumerable.Range(0, length - classes.Length).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
