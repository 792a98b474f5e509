namespace ResetConsole.Load.Results;

/// <summary>What one scenario writes to results/*.json and the report turns into docs/performance.md.</summary>
public sealed record ScenarioResult(
    string Scenario,
    string Title,
    DateTimeOffset Date,
    MachineInfo Machine,
    string Command,
    string Data,
    string Conditions,
    IReadOnlyList<ResultTable> Tables,
    IReadOnlyList<string> Notes,
    int Errors,
    string ErrorSummary);

public sealed record ResultTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
