using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

/// <summary>
/// What a tier rule looks at. Every condition given must hold; within one, any listed value matches.
/// Names compare case-insensitively, as directories do.
/// </summary>
public sealed record SubjectCondition(
    IReadOnlyList<SubjectKind> Kinds,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> AdminRoles,
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes);
