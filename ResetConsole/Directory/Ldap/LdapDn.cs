using System.Text;

namespace ResetConsole.Directory.Ldap;

/// <summary>
/// Just enough RFC 4514 to compare DNs the way a server would for the cases that matter here: is this entry under the
/// base DN, is it the service account, which DN is a group's member. Attribute types and values compare
/// case-insensitively, spaces around separators are ignored and escapes (<c>\,</c> or <c>\2C</c>) are decoded.
/// </summary>
internal static class LdapDn
{
    /// <summary>The RDNs, leftmost first, each as "type=value" with the value decoded and lower-cased; null when malformed.</summary>
    public static IReadOnlyList<string>? Parse(string? dn)
    {
        if (string.IsNullOrWhiteSpace(dn))
        {
            return null;
        }

        var rdns = new List<string>();
        foreach (var raw in SplitUnescaped(dn, ','))
        {
            var avas = new List<string>();
            foreach (var ava in SplitUnescaped(raw, '+'))
            {
                var eq = IndexOfUnescaped(ava, '=');
                if (eq <= 0)
                {
                    return null;
                }

                var type = ava[..eq].Trim().ToLowerInvariant();
                var value = Unescape(ava[(eq + 1)..].Trim());
                if (type.Length == 0 || value is null)
                {
                    return null;
                }

                avas.Add($"{type}={value.ToLowerInvariant()}");
            }

            // A multi-valued RDN's parts may come in any order.
            avas.Sort(StringComparer.Ordinal);
            rdns.Add(string.Join('+', avas));
        }

        return rdns;
    }

    public static bool AreEqual(string? a, string? b) =>
        Parse(a) is { } x && Parse(b) is { } y && x.SequenceEqual(y);

    /// <summary>True when <paramref name="dn"/> is <paramref name="baseDn"/> or below it.</summary>
    public static bool IsWithin(string? dn, string? baseDn)
    {
        if (Parse(dn) is not { } entry || Parse(baseDn) is not { } root || entry.Count < root.Count)
        {
            return false;
        }

        return entry.Skip(entry.Count - root.Count).SequenceEqual(root);
    }

    /// <summary>A key for dictionaries of DNs; null when malformed.</summary>
    public static string? Normalize(string? dn) => Parse(dn) is { } rdns ? string.Join(',', rdns.Select(r => r.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal))) : null;

    /// <summary>The decoded value of the leftmost RDN, as written: "cn=Domain Admins,ou=groups,..." gives "Domain Admins".</summary>
    public static string? FirstValue(string? dn)
    {
        if (string.IsNullOrWhiteSpace(dn))
        {
            return null;
        }

        var first = SplitUnescaped(dn, ',').First();
        var firstAva = SplitUnescaped(first, '+').First();
        var eq = IndexOfUnescaped(firstAva, '=');
        return eq <= 0 ? null : Unescape(firstAva[(eq + 1)..].Trim());
    }

    private static List<string> SplitUnescaped(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int IndexOfUnescaped(string text, char c)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    // "\," and "\2C" both mean ','; hex pairs are UTF-8 bytes. Null for a dangling escape.
    private static string? Unescape(string value)
    {
        if (!value.Contains('\\'))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        var pending = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                pending.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            text.Append(Encoding.UTF8.GetString([.. pending]));
            pending.Clear();
            if (value[i] == '\\')
            {
                if (++i >= value.Length)
                {
                    return null;
                }
            }

            text.Append(value[i]);
        }

        return text.Append(Encoding.UTF8.GetString([.. pending])).ToString();
    }
}
