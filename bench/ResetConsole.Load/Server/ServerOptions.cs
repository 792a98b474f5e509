namespace ResetConsole.Load.Server;

/// <summary>
/// Where the built console is and how big its data is. <see cref="ServesStaticFiles"/> runs it in the Development
/// environment, the only one in which a build (rather than a publish) serves its CSS and scripts: the browser scenario
/// needs them, the headless circuits do not.
/// </summary>
public sealed record ServerOptions(string AppAssembly, string ContentRoot, string WorkFolder, int Cases, int OpenCases, bool Verbose, bool ServesStaticFiles = false);
