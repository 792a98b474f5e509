namespace ResetConsole.Tests.Support;

/// <summary>Finds files in the checkout from wherever the test assembly runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "ResetConsole");

    /// <summary>The app's build output for the configuration the tests were built in.</summary>
    public static string AppAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(App, "bin", configuration, "net10.0", "ResetConsole.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResetConsole.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResetConsole.sln was not found above the test assembly.");
    }
}
