using System.DirectoryServices.Protocols;
using System.Text;
using Microsoft.Extensions.Options;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Ldap;

/// <summary>
/// An OpenLDAP or Active Directory server, reached with a service account over System.DirectoryServices.Protocols.
/// A subject's id is the entry's DN: the manager attribute already holds DNs, so a manager is a subject id without a
/// second lookup, and a DN reads back with one base-scoped search. The cost is that a renamed or moved entry is a new
/// id; an open case then finds nothing and its writes are refused, which fails closed rather than touching another entry.
/// </summary>
public sealed class LdapDirectoryConnector(
    IOptions<LdapOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<LdapDirectoryConnector> logger)
    : IDirectoryConnector, IDirectoryWriter
{
    private const string UserPassword = "userPassword";
    private const string PwdReset = "pwdReset";
    private const string UnicodePwd = "unicodePwd";
    private const string PwdLastSet = "pwdLastSet";

    // Groups per account are few; the bound keeps one odd account from pulling a whole directory.
    private const int MaxGroupsPerAccount = 1_000;

    private readonly LdapOptions _options = options.Value;
    private readonly LdapAttributeNames _names = LdapAttributeNames.From(options.Value);
    private readonly LdapEntryMapper _mapper = new(LdapAttributeNames.From(options.Value), options.Value.KindByGroup);
    private readonly LdapRevocationHook _hook = new(options.Value.RevocationHook, httpClientFactory, time, logger);

    private bool IsActiveDirectory => _options.Flavor == LdapFlavor.ActiveDirectory;

    private string BaseDn => _options.BaseDn!;

    public string Name => IsActiveDirectory ? "Active Directory (LDAP)" : "LDAP directory";

    /// <summary>Passwords, require-change (with ppolicy on OpenLDAP), unlock and, through the hook, session revocation. Never confirmed revocation, MFA, passes or secret rotation.</summary>
    public DirectoryCapabilities Capabilities
    {
        get
        {
            var capabilities = DirectoryCapabilities.SetTemporaryCredential;
            if (IsActiveDirectory || _options.HasPasswordPolicy)
            {
                // Without ppolicy OpenLDAP has neither pwdReset nor lockouts.
                capabilities |= DirectoryCapabilities.RequireChangeAtNextSignIn | DirectoryCapabilities.Unlock;
            }

            return _hook.IsConfigured ? capabilities | DirectoryCapabilities.RevokeSessions : capabilities;
        }
    }

    public Task<DirectoryPage> SearchAsync(DirectorySearch search, CancellationToken ct = default)
    {
        var text = search.Text?.Trim();
        var filter = string.IsNullOrEmpty(text)
            ? _options.UserFilter
            : LdapFilter.And(_options.UserFilter, LdapFilter.Or(
                LdapFilter.Contains(_names.DisplayName, text), LdapFilter.Contains(_names.Username, text), LdapFilter.Contains(_names.EmployeeId, text)));

        return RunAsync("Searching the directory", session =>
        {
            var limit = _options.MaxSearchResults;
            var entries = session.Search(BaseDn, filter, _names.ForSummary(), limit, ct);
            if (entries.Count > limit)
            {
                LdapLog.SearchCut(logger, limit);
                entries = entries[..limit];
            }

            // LDAP has no portable server-side sort (OpenLDAP needs the sssvlv overlay), so the capped result is sorted here.
            var ordered = entries.OrderBy(_mapper.DisplayName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.DistinguishedName, StringComparer.OrdinalIgnoreCase).ToList();
            var items = ordered.Skip(search.Skip).Take(search.Take)
                .Select(e => _mapper.ToSummary(e, GroupsOf(session, e, ct))).ToList();
            return new DirectoryPage(items, ordered.Count);
        }, ct);
    }

    public Task<Subject?> FindAsync(string subjectId, CancellationToken ct = default)
    {
        // Only entries under the base DN are subjects; anything else (the service account, an admin) is not found.
        if (!LdapDn.IsWithin(subjectId, BaseDn))
        {
            return Task.FromResult<Subject?>(null);
        }

        return RunAsync("Reading the account", session => ReadSubject(session, subjectId, ct), ct);
    }

    public Task<Subject?> FindByUsernameAsync(string username, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return Task.FromResult<Subject?>(null);
        }

        var filter = LdapFilter.And(_options.UserFilter, LdapFilter.Equal(_names.Username, username.Trim()));
        return RunAsync("Finding the account by username", session =>
        {
            // "1.1" asks for no attributes: only the DN is needed here.
            var entries = session.Search(BaseDn, filter, ["1.1"], limit: 1, ct);
            return entries.Count switch
            {
                0 => null,
                1 => ReadSubject(session, entries[0].DistinguishedName, ct),
                _ => throw new DirectoryOperationException(
                    "Finding the account by username failed: more than one entry has this username; fix the directory or narrow Directory:Ldap:UserFilter.", isTransient: false),
            };
        }, ct);
    }

    public async Task SetTemporaryCredentialAsync(string subjectId, string secret, bool requireChangeAtNextSignIn, string idempotencyKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        const string Operation = "Setting the temporary credential";
        if (requireChangeAtNextSignIn && !Capabilities.HasFlag(DirectoryCapabilities.RequireChangeAtNextSignIn))
        {
            throw new DirectoryOperationException($"{Operation} failed: requiring a change at next sign-in needs the ppolicy overlay (Directory:Ldap:HasPasswordPolicy).", isTransient: false);
        }

        if (IsActiveDirectory && !_options.UseLdaps)
        {
            throw new DirectoryOperationException($"{Operation} failed: Active Directory sets passwords only over LDAPS (Directory:Ldap:UseLdaps).", isTransient: false);
        }

        // Replacing with the same secret again leaves the same state, so a retried call cannot apply twice.
        await WriteAsync(Operation, "set-temporary-credential", subjectId, idempotencyKey, (session, dn) =>
        {
            if (IsActiveDirectory)
            {
                // AD takes the password as the UTF-16LE bytes of the quoted string; pwdLastSet 0 forces a change, -1 stamps now.
                var encoded = Encoding.Unicode.GetBytes($"\"{secret}\"");
                try
                {
                    session.Modify(dn, Replace(UnicodePwd, encoded), Replace(PwdLastSet, requireChangeAtNextSignIn ? "0" : "-1"));
                }
                finally
                {
                    Array.Clear(encoded);
                }

                return;
            }

            var password = Replace(UserPassword, secret);
            if (!_options.HasPasswordPolicy)
            {
                session.Modify(dn, password);
                return;
            }

            // pwdReset is set or removed explicitly: the overlay does not set it for a change made by the service account.
            session.Modify(dn, password, requireChangeAtNextSignIn ? Replace(PwdReset, "TRUE") : Replace(PwdReset));
        }, ct);
    }

    public async Task UnlockAsync(string subjectId, string idempotencyKey, CancellationToken ct = default)
    {
        const string Operation = "Unlocking the account";
        if (!Capabilities.HasFlag(DirectoryCapabilities.Unlock))
        {
            throw new DirectoryOperationException($"{Operation} failed: OpenLDAP locks accounts only with the ppolicy overlay (Directory:Ldap:HasPasswordPolicy).", isTransient: false);
        }

        // A replace with no values removes the attribute when present and succeeds when it is already gone.
        await WriteAsync(Operation, "unlock", subjectId, idempotencyKey, (session, dn) => session.Modify(dn,
            IsActiveDirectory ? Replace(LdapAttributeNames.AdLockoutTime, "0") : Replace(LdapAttributeNames.OpenLdapLockedTime)), ct);
    }

    /// <summary>Runs the revocation hook. Returns false: LDAP cannot read back that sessions ended elsewhere.</summary>
    public async Task<bool> RevokeSessionsAsync(string subjectId, string idempotencyKey, CancellationToken ct = default)
    {
        const string Operation = "Revoking sessions";
        if (!_hook.IsConfigured)
        {
            throw new DirectoryOperationException($"{Operation} failed: LDAP has no sessions and no Directory:Ldap:RevocationHook is configured.", isTransient: false);
        }

        var username = await RunAsync(Operation, session => _mapper.Username(Target(session, Operation, subjectId)), ct);
        await _hook.RunAsync(subjectId, username, idempotencyKey, ct);
        return false;
    }

    public Task ResetMfaAsync(string subjectId, string idempotencyKey, CancellationToken ct = default) =>
        Task.FromException(Unsupported("Resetting MFA methods", "plain LDAP stores no MFA methods; reset them where they are enrolled"));

    public Task<string> IssueTemporaryAccessPassAsync(string subjectId, TimeSpan lifetime, string idempotencyKey, CancellationToken ct = default) =>
        Task.FromException<string>(Unsupported("Issuing a temporary access pass", "plain LDAP has no temporary access passes"));

    public Task RotateSecretAsync(string subjectId, string newSecret, string idempotencyKey, CancellationToken ct = default) =>
        Task.FromException(Unsupported("Rotating a secret", "plain LDAP has no application secrets; set a temporary credential instead"));

    private static DirectoryOperationException Unsupported(string operation, string why) =>
        new($"{operation} is not supported by the LDAP connector: {why}.", isTransient: false);

    private Subject? ReadSubject(LdapSession session, string dn, CancellationToken ct)
    {
        if (session.Read(dn, _options.UserFilter, _names.ForSubject()) is not { } entry)
        {
            return null;
        }

        string? managerId = null;
        string? managerName = null;
        if (LdapEntryMapper.First(entry, _names.Manager) is { } managerDn)
        {
            managerId = managerDn;
            var manager = LdapDn.IsWithin(managerDn, BaseDn) ? session.Read(managerDn, "(objectClass=*)", [_names.DisplayName, _names.Username]) : null;
            if (manager is not null)
            {
                managerId = manager.DistinguishedName;
                managerName = _mapper.DisplayName(manager);
            }
        }

        return _mapper.ToSubject(entry, GroupsOf(session, entry, ct), managerId, managerName, time.GetUtcNow());
    }

    private IReadOnlyList<string> GroupsOf(LdapSession session, SearchResultEntry entry, CancellationToken ct)
    {
        if (_names.GroupsFromMemberOf)
        {
            return _mapper.GroupsFromMemberOf(entry);
        }

        var filter = LdapFilter.And(_options.GroupFilter, LdapFilter.Equal(_options.GroupMemberAttribute, entry.DistinguishedName));
        return [.. session.Search(_options.GroupSearchBase!, filter, [_options.GroupNameAttribute], MaxGroupsPerAccount, ct)
            .Select(g => LdapEntryMapper.First(g, _options.GroupNameAttribute) ?? LdapDn.FirstValue(g.DistinguishedName))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The entry a write may touch: under the base DN, matching the user filter, and not the service account itself.</summary>
    private SearchResultEntry Target(LdapSession session, string operation, string subjectId)
    {
        string? refusal = null;
        if (!LdapDn.IsWithin(subjectId, BaseDn))
        {
            refusal = "the account is not under Directory:Ldap:BaseDn";
        }
        else if (LdapDn.AreEqual(subjectId, _options.BindDn))
        {
            refusal = "the console's own service account is not a subject";
        }

        var entry = refusal is null ? session.Read(subjectId, _options.UserFilter, [_names.Username]) : null;
        if (entry is null)
        {
            refusal ??= "no account matching Directory:Ldap:UserFilter exists at that DN";
            LdapLog.Refused(logger, operation, subjectId, refusal);
            throw new DirectoryOperationException($"{operation} refused: {refusal}.", isTransient: false);
        }

        return entry;
    }

    private async Task WriteAsync(string operation, string logName, string subjectId, string idempotencyKey, Action<LdapSession, string> write, CancellationToken ct)
    {
        await RunAsync(operation, session =>
        {
            write(session, Target(session, operation, subjectId).DistinguishedName);
            return true;
        }, ct);
        LdapLog.Applied(logger, logName, subjectId, idempotencyKey);
    }

    // System.DirectoryServices.Protocols has no Task API and no asynchronous bind, so each operation runs its
    // synchronous calls on the thread pool, bounded by the connect and operation timeouts.
    private async Task<T> RunAsync<T>(string operation, Func<LdapSession, T> work, CancellationToken ct)
    {
        try
        {
            return await Task.Run(() =>
            {
                using var session = LdapSession.Open(_options);
                return work(session);
            }, ct);
        }
        catch (Exception e) when (LdapErrors.Translate(operation, e) is { } translated)
        {
            LdapLog.Failed(logger, operation, LdapErrors.CodeOf(e), translated.IsTransient);
            throw translated;
        }
    }

    private static DirectoryAttributeModification Replace(string attribute, params object[] values)
    {
        var modification = new DirectoryAttributeModification { Name = attribute, Operation = DirectoryAttributeOperation.Replace };
        foreach (var value in values)
        {
            switch (value)
            {
                case byte[] bytes:
                    modification.Add(bytes);
                    break;
                default:
                    modification.Add((string)value);
                    break;
            }
        }

        return modification;
    }
}
