namespace ResetConsole.Directory;

/// <summary>Text matches name, username or employee id. Pages count from zero.</summary>
public sealed record DirectorySearch(string? Text, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
