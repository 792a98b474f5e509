namespace ResetConsole.Directory;

public sealed record DirectoryPage(IReadOnlyList<SubjectSummary> Items, int TotalCount);
