using System.Globalization;
using ResetConsole.Load.Server;

namespace ResetConsole.Load;

/// <summary>Command line: <c>&lt;scenario&gt; [--name value]... </c>. Every size has the figure as its default.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private Options(string command, string[] args)
    {
        Command = command;
        Arguments = args;
    }

    public string Command { get; }

    public string[] Arguments { get; }

    public IReadOnlyList<string> Positional { get; private set; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options(args.Length > 0 ? args[0] : "help", args);
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                options._values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        options.Positional = positional;
        return options;
    }

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";

    public ServerOptions Server()
    {
        var root = RepositoryRoot();
        var app = Path.Combine(root, "ResetConsole");
        return new ServerOptions(
            Path.GetFullPath(String("app") ?? Path.Combine(app, "bin", "Release", "net10.0", "ResetConsole.dll")),
            Path.GetFullPath(String("content-root") ?? app),
            String("work") ?? Path.Combine(Path.GetTempPath(), "resetconsole-load"),
            Int("cases", 100_000),
            Int("open", 10_000),
            Flag("verbose"));
    }

    /// <summary>The command that reproduces this run, for the report.</summary>
    public string CommandLine => "dotnet run -c Release --project bench/ResetConsole.Load -- " + string.Join(' ', Arguments);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResetConsole.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResetConsole.sln was not found above the harness.");
    }
}
