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
    /// The current username of one account, or null when the directory has no such account: for a check that needs
    /// nothing more (an approver against the subject's manager). A connector that can read one attribute cheaply
    /// overrides it; by default it reads the whole account.
    /// </summary>
    async Task<string?> UsernameOfAsync(string subjectId, CancellationToken ct = default) => (await FindAsync(subjectId, ct))?.Username;
}
