namespace ResetConsole.Load.Server;

/// <summary>Where the built console is and how big its data is.</summary>
public sealed record ServerOptions(string AppAssembly, string ContentRoot, string WorkFolder, int Cases, int OpenCases, bool Verbose);
