using Microsoft.Graph.Models;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Graph;

/// <summary>Everything read about one user, before it becomes a <see cref="Subject"/>.</summary>
internal sealed record GraphAccount(
    User User,
    IReadOnlyList<DirectoryObject> Memberships,
    IReadOnlyList<string> EligibleRoles,
    IReadOnlyList<AuthenticationMethod> Methods,
    IReadOnlyDictionary<ContactKind, DateTimeOffset> ContactChanges);
