using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Tests.Support;

/// <summary>SQLite's plan for a query EF would run, for tests that hold a query to its indexes.</summary>
public static class QueryPlans
{
    // EF's query string declares its parameters as ".param set @name value" lines; SQLite explains the statement
    // with the same values bound.
    public static async Task<List<string>> ExplainAsync(AppDbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
            foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
            {
                var parts = line.Split(' ', 4);
                var parameter = command.CreateParameter();
                parameter.ParameterName = parts[2];
                parameter.Value = parts[3].StartsWith('\'') ? parts[3].Trim('\'') : long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            return plan;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
