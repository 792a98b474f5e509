namespace ResetConsole.Data;

/// <summary>The <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file. A relative path is taken from the app's content root.</summary>
    public string Path { get; set; } = "data/resetconsole.db";

    /// <summary>How long a connection waits for the write lock before giving up.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string ResolvePath(string contentRoot) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));
}
