using System.Security.Cryptography;
using System.Text;

namespace ResetConsole.Features.Policy;

public static class PolicyText
{
    /// <summary>Lower-case hex SHA-256 of the exact UTF-8 text.</summary>
    public static string Sha256(string yaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
}
