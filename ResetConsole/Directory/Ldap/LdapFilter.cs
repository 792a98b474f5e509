using System.Globalization;
using System.Text;

namespace ResetConsole.Directory.Ldap;

/// <summary>Builds search filters. Every value typed by a person or read from an entry goes through <see cref="Escape"/>.</summary>
internal static class LdapFilter
{
    /// <summary>
    /// RFC 4515 §3: a value must not carry <c>* ( ) \</c> or NUL unescaped, or it changes the filter's meaning
    /// (<c>*</c> would match every account). ASCII control characters, NUL among them, are escaped too; other
    /// characters travel as UTF-8, which the RFC allows.
    /// </summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '*' or '(' or ')' or '\\' || c < ' ' || c == '\x7f')
            {
                builder.Append('\\').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Equal(string attribute, string value) => $"({attribute}={Escape(value)})";

    public static string Contains(string attribute, string value) => $"({attribute}=*{Escape(value)}*)";

    public static string And(params IEnumerable<string> parts) => Combine('&', parts);

    public static string Or(params IEnumerable<string> parts) => Combine('|', parts);

    private static string Combine(char op, IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 1 ? list[0] : $"({op}{string.Concat(list)})";
    }
}
