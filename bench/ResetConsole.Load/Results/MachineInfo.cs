using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ResetConsole.Load.Results;

/// <summary>Where a figure was measured: cores, memory, OS, runtime, and how busy the machine was.</summary>
public sealed partial record MachineInfo(int Cores, double MemoryGb, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        Math.Round(MemoryKb() / 1024.0 / 1024.0, 1),
        OsName(),
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");

    public override string ToString() => $"{Cores} cores, {MemoryGb:F0} GB, {Os}, {Runtime}";

    private static long MemoryKb()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return 0;
        }

        var match = MemTotal().Match(File.ReadAllText("/proc/meminfo"));
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string OsName()
    {
        if (File.Exists("/etc/os-release"))
        {
            var match = PrettyName().Match(File.ReadAllText("/etc/os-release"));
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return RuntimeInformation.OSDescription;
    }

    [GeneratedRegex(@"MemTotal:\s+(\d+) kB")]
    private static partial Regex MemTotal();

    [GeneratedRegex("PRETTY_NAME=\"([^\"]+)\"")]
    private static partial Regex PrettyName();
}
