using ResetConsole.Auth;
using ResetConsole.Bench;
using ResetConsole.Directory;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Load.Server;

/// <summary>
/// The database every run starts from: the demo directory, policy version 1, <see cref="CaseSeeder"/>'s cases (by
/// default 100,000 of which 10,000 wait for approval) and a few real cases opened by the agent Dana through the
/// service, with their verification scripts, for the agent's case page. Seeded once into a cache folder and copied
/// per server start, so every scenario starts from the same data.
/// </summary>
public static class BenchDatabase
{
    public const string Agent = "dana";
    private const string FileName = "console.db";
    private const string AgentCasesFile = "agent-cases.txt";
    private static readonly TimeSpan Freshness = TimeSpan.FromHours(2);

    public static async Task<string> CopyForRunAsync(ServerOptions options, string run)
    {
        var seed = await EnsureSeedAsync(options);
        var folder = Path.Combine(options.WorkFolder, run);
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        System.IO.Directory.CreateDirectory(folder);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(seed + suffix))
            {
                File.Copy(seed + suffix, Path.Combine(folder, FileName + suffix));
            }
        }

        return Path.Combine(folder, FileName);
    }

    private static async Task<string> EnsureSeedAsync(ServerOptions options)
    {
        var folder = Path.Combine(options.WorkFolder, $"seed-{options.Cases}-{options.OpenCases}");
        var path = Path.Combine(folder, FileName);
        var done = Path.Combine(folder, "seeded");
        if (File.Exists(done) && DateTime.UtcNow - File.GetLastWriteTimeUtc(done) < Freshness)
        {
            return path;
        }

        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        System.IO.Directory.CreateDirectory(folder);
        Console.WriteLine($"== seeding {options.Cases:N0} cases ({options.OpenCases:N0} open) into {path}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var host = await BenchHost.StartAsync(databasePath: path))
        {
            // Starting three hours ahead: no seeded item falls due, so no sweep escalates one, during a run.
            await CaseSeeder.SeedAsync(host, options.Cases, awaitingSupervisor: options.OpenCases * 4 / 5, awaitingSecurity: options.OpenCases / 5,
                start: DateTimeOffset.UtcNow.AddHours(3));
            var ids = await CaseSeeder.OpenAgentCasesAsync(host, Agent, count: 20);
            await File.WriteAllLinesAsync(Path.Combine(folder, AgentCasesFile), ids.Select(id => id.ToString()));
        }

        await File.WriteAllTextAsync(done, DateTime.UtcNow.ToString("O"));
        Console.WriteLine($"   seeded in {clock.Elapsed.TotalSeconds:F0} s");
        return path;
    }

    /// <summary>The cases Dana opened in the seed, for the agent's case page.</summary>
    public static IReadOnlyList<string> AgentCases(ServerOptions options) =>
        File.ReadAllLines(Path.Combine(options.WorkFolder, $"seed-{options.Cases}-{options.OpenCases}", AgentCasesFile));
}
