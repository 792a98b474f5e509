namespace ResetConsole.Directory;

/// <summary>The <c>Directory</c> section.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    public DirectoryProvider Provider { get; set; } = DirectoryProvider.Demo;
}
