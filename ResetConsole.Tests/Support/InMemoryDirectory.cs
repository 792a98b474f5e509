using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Tests.Support;

/// <summary>The demo directory's accounts in memory: for component tests that need a directory but no database. It keeps the interface's default lookups.</summary>
public sealed class InMemoryDirectory(IReadOnlyList<Subject> subjects) : IDirectoryConnector
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public InMemoryDirectory()
        : this(DemoDirectoryData.Generate(GeneratedAt))
    {
    }

    public IReadOnlyList<Subject> Subjects { get; } = subjects;

    public string Name => "In-memory directory";

    public Subject ByUsername(string username) => Subjects.Single(s => s.Username == username);

    public Task<DirectoryPage> SearchAsync(DirectorySearch search, CancellationToken ct = default)
    {
        var matches = Subjects.Where(s => string.IsNullOrWhiteSpace(search.Text)
            || $"{s.DisplayName} {s.Username} {s.EmployeeId}".Contains(search.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        var items = matches.Skip(search.Skip).Take(search.Take).Select(s => new SubjectSummary(
            s.Id, s.Username, s.DisplayName, s.EmployeeId, s.Kind, s.Department, s.Groups,
            s.Contacts.Select(c => c.Masked).ToList(), s.Authenticators.Select(a => a.Kind).ToList(), s.IsLocked, s.Sessions.Count)).ToList();
        return Task.FromResult(new DirectoryPage(items, matches.Count));
    }

    public Task<Subject?> FindByUsernameAsync(string username, CancellationToken ct = default) =>
        Task.FromResult(Subjects.SingleOrDefault(s => string.Equals(s.Username, username, StringComparison.OrdinalIgnoreCase)));

    public Task<Subject?> FindAsync(string subjectId, CancellationToken ct = default) =>
        Task.FromResult(Subjects.SingleOrDefault(s => s.Id == subjectId));
}
