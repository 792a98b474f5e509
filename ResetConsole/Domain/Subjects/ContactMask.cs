namespace ResetConsole.Domain.Subjects;

/// <summary>Masks contacts of record so an agent can tell them apart without learning them.</summary>
public static class ContactMask
{
    private const char Dot = '•';

    public static string Mask(ContactKind kind, string value) => kind switch
    {
        ContactKind.Email => MaskEmail(value),
        _ => MaskPhone(value),
    };

    // "dana.smith@example.com" -> "d•••••@example.com"
    private static string MaskEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0)
        {
            return new string(Dot, 6);
        }

        return value[0] + new string(Dot, 5) + value[at..];
    }

    // "+44 7700 900123" -> "+44 •••• ••23": the country code and the last two digits stay.
    private static string MaskPhone(string value)
    {
        var digits = value.Where(char.IsDigit).ToArray();
        if (digits.Length < 4)
        {
            return new string(Dot, 4);
        }

        var prefix = value.TrimStart().StartsWith('+') ? "+" + CountryCode(value) + " " : string.Empty;
        var lastTwo = new string(digits[^2..]);
        return $"{prefix}{new string(Dot, 4)} {new string(Dot, 2)}{lastTwo}";
    }

    private static string CountryCode(string value)
    {
        var code = new string(value.TrimStart().Skip(1).TakeWhile(char.IsDigit).ToArray());
        return code.Length is > 0 and <= 3 ? code : code[..Math.Min(2, code.Length)];
    }
}
