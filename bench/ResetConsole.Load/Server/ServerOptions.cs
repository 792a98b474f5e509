namespace ResetConsole.Load.Server;

/// <summary>
/// Where the built or published console is and how big its data is. <see cref="ServesStaticFiles"/> is for the
/// browser scenario, which needs the CSS and scripts: a publish serves them in Production, a build (rather than a
/// publish) only in the Development environment, so a build is then run in Development.
/// </summary>
public sealed record ServerOptions(string AppAssembly, string ContentRoot, string WorkFolder, int Cases, int OpenCases, bool Verbose, bool ServesStaticFiles = false)
{
    /// <summary>A publish carries the framework's scripts in its own <c>wwwroot</c>; a build's content root is the source folder.</summary>
    public bool IsPublished => File.Exists(Path.Combine(ContentRoot, "wwwroot", "_framework", "blazor.web.js"));

    public string Environment => ServesStaticFiles && !IsPublished ? "Development" : "Production";
}
