using System.Text.Json;

namespace ResetConsole.Load.Results;

/// <summary>Collects one scenario's tables and notes and writes them as JSON for the report.</summary>
public sealed class ResultWriter(Options options, string scenario, string title)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly MachineInfo _start = MachineInfo.Current();
    private readonly DateTimeOffset _date = DateTimeOffset.UtcNow;
    private readonly List<ResultTable> _tables = [];
    private readonly List<string> _notes = [];

    public string Conditions { get; set; } = string.Empty;

    public void Table(string caption, string[] columns, List<string[]> rows)
    {
        _tables.Add(new ResultTable(caption, columns, rows));
        Console.WriteLine();
        Console.WriteLine(caption);
        Console.WriteLine("| " + string.Join(" | ", columns) + " |");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("   note: " + note);
    }

    public async Task<int> WriteAsync(Wire.LoadErrors errors)
    {
        var end = MachineInfo.Current();
        var result = new ScenarioResult(scenario, title, _date, _start with { LoadAverage = $"{_start.LoadAverage} at start, {end.LoadAverage} at end" },
            options.CommandLine, $"{options.Int("cases", 100_000):N0} cases of which {options.Int("open", 10_000):N0} open", Conditions, _tables, _notes, errors.Count, errors.Summary());
        var path = options.String("out") ?? Path.Combine("results", $"{scenario}.json");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json));
        Console.WriteLine($"== {scenario}: {errors.Summary()}; result in {path}");
        foreach (var sample in errors.Samples)
        {
            Console.WriteLine("   " + sample);
        }

        return errors.Count == 0 ? 0 : 1;
    }
}
