using System.Security.Cryptography;
using System.Text;
using ResetConsole.Directory;

namespace ResetConsole.Auth.Embedded;

/// <summary>
/// Who may sign in at the embedded provider: the demo staff, and (without any console role) the people in the demo
/// directory, so a manager of record can sign in as themselves to attest. Demo mode only.
/// </summary>
public sealed class EmbeddedUsers(IDirectoryConnector directory)
{
    public async Task<DemoStaffMember?> FindAsync(string? username, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return null;
        }

        if (DemoStaff.Find(username) is { } staff)
        {
            return staff;
        }

        var person = await directory.FindByUsernameAsync(username.Trim(), ct);
        return person is { IsNonHuman: false } ? new DemoStaffMember(person.Username, person.DisplayName, []) : null;
    }

    /// <summary>Checks a sign-in; the password comparison is constant-time.</summary>
    public async Task<DemoStaffMember?> AuthenticateAsync(string? username, string? password, CancellationToken ct = default)
    {
        var user = await FindAsync(username, ct);
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(DemoStaff.Password));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password ?? string.Empty));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? user : null;
    }
}
