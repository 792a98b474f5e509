using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory;

/// <summary>
/// The one way the console reads (and, later, changes) the accounts it recovers. Demo, LDAP and Microsoft Graph
/// connectors sit behind it.
/// </summary>
public interface IDirectoryConnector
{
    /// <summary>A short name for logs and the UI, e.g. "Demo directory".</summary>
    string Name { get; }

    Task<DirectoryPage> SearchAsync(DirectorySearch search, CancellationToken ct = default);

    /// <summary>The full snapshot of one account, or null when the directory has no such account.</summary>
    Task<Subject?> FindAsync(string subjectId, CancellationToken ct = default);

    /// <summary>The account with this exact username (case-insensitive), or null.</summary>
    Task<Subject?> FindByUsernameAsync(string username, CancellationToken ct = default);

    /// <summary>
    /// The account's current username and its manager's, or null when the directory has no such account: all that
    /// separation of duties checks an approver against. A connector that can read two attributes cheaply overrides
    /// it; by default it reads the whole account and then the manager's.
    /// </summary>
    async Task<AccountNames?> NamesAsync(string subjectId, CancellationToken ct = default)
    {
        if (await FindAsync(subjectId, ct) is not { } subject)
        {
            return null;
        }

        var manager = subject.ManagerId is { } managerId ? await FindAsync(managerId, ct) : null;
        return new AccountNames(subject.Username, manager?.Username);
    }
}
