namespace ResetConsole.Directory;

/// <summary>An account's username and its manager's username of record (null when it has no manager).</summary>
public sealed record AccountNames(string Username, string? ManagerUsername);
