using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Demo;

/// <summary>The embedded directory: accounts with real state in SQLite, so a demo shows what a reset does.</summary>
public sealed class DemoDirectoryConnector(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time) : IDirectoryConnector, IDirectoryWriter
{
    public string Name => "Demo directory";

    public DirectoryCapabilities Capabilities =>
        DirectoryCapabilities.SetTemporaryCredential | DirectoryCapabilities.RequireChangeAtNextSignIn | DirectoryCapabilities.ResetMfa
        | DirectoryCapabilities.Unlock | DirectoryCapabilities.IssueTemporaryAccessPass | DirectoryCapabilities.RevokeSessions
        | DirectoryCapabilities.ConfirmRevocation | DirectoryCapabilities.RotateSecret | DirectoryCapabilities.ListAuthenticators | DirectoryCapabilities.SendPush;

    public Task SetTemporaryCredentialAsync(string subjectId, string secret, bool requireChangeAtNextSignIn, string idempotencyKey, CancellationToken ct = default) =>
        ChangeAsync(subjectId, (account, _) =>
        {
            account.CredentialHash = DemoCredentials.Hash(secret);
            account.MustChangeCredential = requireChangeAtNextSignIn;
            account.LastCredentialResetAt = time.GetUtcNow();
            return Task.FromResult(true);
        }, ct);

    public Task ResetMfaAsync(string subjectId, string idempotencyKey, CancellationToken ct = default) =>
        ChangeAsync(subjectId, async (account, db) =>
        {
            await db.DemoAuthenticators.Where(a => a.AccountId == account.Id).ExecuteDeleteAsync(ct);
            return true;
        }, ct);

    public Task UnlockAsync(string subjectId, string idempotencyKey, CancellationToken ct = default) =>
        ChangeAsync(subjectId, (account, _) =>
        {
            account.IsLocked = false;
            return Task.FromResult(true);
        }, ct);

    public async Task<string> IssueTemporaryAccessPassAsync(string subjectId, TimeSpan lifetime, string idempotencyKey, CancellationToken ct = default)
    {
        var pass = DemoCredentials.NewTemporaryAccessPass();
        await ChangeAsync(subjectId, (account, _) =>
        {
            account.Attributes = new Dictionary<string, string>(account.Attributes) { ["temporaryAccessPassExpiresAt"] = (time.GetUtcNow() + lifetime).ToString("O") };
            return Task.FromResult(true);
        }, ct);
        return pass;
    }

    public async Task<bool> RevokeSessionsAsync(string subjectId, string idempotencyKey, CancellationToken ct = default)
    {
        await ChangeAsync(subjectId, async (account, db) =>
        {
            await db.DemoSessions.Where(s => s.AccountId == account.Id).ExecuteDeleteAsync(ct);
            return true;
        }, ct);
        await using var check = await dbFactory.CreateDbContextAsync(ct);
        return !await check.DemoSessions.AnyAsync(s => s.AccountId == subjectId, ct);
    }

    public Task RotateSecretAsync(string subjectId, string newSecret, string idempotencyKey, CancellationToken ct = default) =>
        ChangeAsync(subjectId, (account, _) =>
        {
            account.CredentialHash = DemoCredentials.Hash(newSecret);
            account.LastCredentialResetAt = time.GetUtcNow();
            return Task.FromResult(true);
        }, ct);

    private async Task ChangeAsync(string subjectId, Func<DemoAccount, AppDbContext, Task<bool>> change, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.DemoAccounts.SingleOrDefaultAsync(a => a.Id == subjectId, ct)
            ?? throw new DirectoryOperationException("The demo directory has no such account.", isTransient: false);
        await change(account, db);
        await db.SaveChangesAsync(ct);
    }

    public async Task<DirectoryPage> SearchAsync(DirectorySearch search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.DemoAccounts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToLowerInvariant();
            query = query.Where(a => a.SearchText.Contains(text));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id).Skip(search.Skip).Take(search.Take)
            .Select(a => new
            {
                a.Id, a.Username, a.DisplayName, a.EmployeeId, a.Kind, a.Department, a.Groups, a.IsLocked,
                Contacts = a.Contacts.OrderBy(c => c.Kind).Select(c => new { c.Kind, c.Value }).ToList(),
                Authenticators = a.Authenticators.Select(x => x.Kind).ToList(),
                Sessions = a.Sessions.Count,
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var items = rows.Select(r => new SubjectSummary(
            r.Id, r.Username, r.DisplayName, r.EmployeeId, r.Kind, r.Department, r.Groups,
            r.Contacts.Select(c => ContactMask.Mask(c.Kind, c.Value)).ToList(), r.Authenticators, r.IsLocked, r.Sessions)).ToList();
        return new DirectoryPage(items, total);
    }

    public async Task<Subject?> FindByUsernameAsync(string username, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = username.Trim().ToLowerInvariant();
        var id = await db.DemoAccounts.AsNoTracking().Where(a => a.Username.ToLower() == normalized).Select(a => a.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await FindAsync(id, ct);
    }

    // Compiled once: approvals and every case page's open look people up. The account with its manager's and owner's
    // names (scalar subqueries, a lookup by key each), then each of its three small collections by its account key: four
    // short statements instead of one that joins all three, whose rows multiply (contacts × authenticators × sessions)
    // and whose shaper sorts them back apart (docs/performance.md, fifteenth pass).
    private static readonly Func<AppDbContext, string, CancellationToken, Task<AccountWithNames?>> AccountById =
        EF.CompileAsyncQuery((AppDbContext db, string subjectId, CancellationToken ct) => db.DemoAccounts.AsNoTracking()
            .Where(a => a.Id == subjectId)
            .Select(a => new AccountWithNames
            {
                Account = a,
                ManagerName = db.DemoAccounts.Where(m => m.Id == a.ManagerId).Select(m => m.DisplayName).FirstOrDefault(),
                OwnerName = db.DemoAccounts.Where(o => o.Id == a.OwnerId).Select(o => o.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefault());

    private static readonly Func<AppDbContext, string, IAsyncEnumerable<DemoContact>> ContactsOf =
        EF.CompileAsyncQuery<AppDbContext, string, DemoContact>((db, accountId) => db.DemoContacts.AsNoTracking().Where(c => c.AccountId == accountId));

    private static readonly Func<AppDbContext, string, IAsyncEnumerable<DemoAuthenticator>> AuthenticatorsOf =
        EF.CompileAsyncQuery<AppDbContext, string, DemoAuthenticator>((db, accountId) => db.DemoAuthenticators.AsNoTracking().Where(x => x.AccountId == accountId));

    private static readonly Func<AppDbContext, string, IAsyncEnumerable<DemoSession>> SessionsOf =
        EF.CompileAsyncQuery<AppDbContext, string, DemoSession>((db, accountId) => db.DemoSessions.AsNoTracking().Where(x => x.AccountId == accountId));

    public async Task<Subject?> FindAsync(string subjectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One read snapshot: the four statements see the account as one statement would.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        if (await AccountById(db, subjectId, ct) is not { } found)
        {
            return null;
        }

        var account = found.Account;
        account.Contacts = await ContactsOf(db, subjectId).ToListAsync(ct);
        account.Authenticators = await AuthenticatorsOf(db, subjectId).ToListAsync(ct);
        account.Sessions = await SessionsOf(db, subjectId).ToListAsync(ct);
        return DemoAccountMapper.ToSubject(account, found.ManagerName, found.OwnerName);
    }

    // One short statement per approval: the approver is checked against these two names only.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<AccountNames?>> NamesById =
        EF.CompileAsyncQuery((AppDbContext db, string subjectId, CancellationToken ct) => db.DemoAccounts
            .Where(a => a.Id == subjectId)
            .Select(a => new AccountNames(a.Username, db.DemoAccounts.Where(m => m.Id == a.ManagerId).Select(m => m.Username).FirstOrDefault()))
            .SingleOrDefault());

    public async Task<AccountNames?> NamesAsync(string subjectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NamesById(db, subjectId, ct);
    }

    private sealed class AccountWithNames
    {
        public required DemoAccount Account { get; init; }
        public string? ManagerName { get; init; }
        public string? OwnerName { get; init; }
    }
}
