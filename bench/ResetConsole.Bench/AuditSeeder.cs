using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResetConsole.Features.Audit;

namespace ResetConsole.Bench;

/// <summary>
/// Fills the audit table with a valid keyed chain quickly: one transaction, one prepared insert, the app's own sealer.
/// Entries have the shape services write (staff actor, case, subject, a few details).
/// </summary>
public static class AuditSeeder
{
    private static readonly string[] Actions = ["case.opened", "step.code-sent", "step.code-check", "case.submitted", "approval.decided", "side-effect.applied"];

    public static async Task<string> SeedAsync(BenchHost host, int total)
    {
        var path = host.Get<AuditFiles>().DatabasePath;
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        using var sealer = host.Get<AuditKeyring>().CreateSealer();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO AuditEntries (Sequence, At, ActorIssuer, ActorId, ActorName, ActorRoles, ActorIsVendor, Action, Outcome, CaseId, SubjectId, DetailsJson, PreviousHash, Hash) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
        var parameters = Enumerable.Range(1, 14).Select(i => insert.Parameters.Add(new SqliteParameter { ParameterName = $"${i}" })).ToArray();
        await insert.PrepareAsync();

        var converter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        var random = new Random(11);
        var previous = AuditLog.GenesisHash;
        var caseId = Guid.Empty;
        for (var i = 1; i <= total; i++)
        {
            if (i % 6 == 1)
            {
                caseId = Guid.CreateVersion7(start.AddSeconds(i));
            }

            var agent = random.Next(1, 60);
            var entry = new AuditEntry
            {
                Sequence = i,
                At = AuditTime.Normalize(start.AddMilliseconds(i * 1_500.25)),
                ActorIssuer = "https://login.northwind.example/",
                ActorId = $"agent-{agent:000}",
                ActorName = $"Agent {agent:000}",
                ActorRoles = agent % 10 == 0 ? "Agent,Supervisor" : "Agent",
                ActorIsVendor = agent % 7 == 0,
                Action = Actions[i % Actions.Length],
                Outcome = i % 23 == 0 ? AuditRecord.Refused : AuditRecord.Succeeded,
                CaseId = caseId,
                SubjectId = $"u-{random.Next(1, 320):0000}",
                DetailsJson = JsonSerializer.Serialize(new Dictionary<string, string?>
                {
                    ["ticket"] = $"INC-{i / 6:000000}",
                    ["tier"] = "standard",
                    ["method"] = "one-time-code",
                    ["policyVersion"] = "1",
                    ["reference"] = $"ref-{random.Next():x8}",
                }),
                PreviousHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = sealer.Seal(entry);
            previous = entry.Hash;

            parameters[0].Value = entry.Sequence;
            parameters[1].Value = converter.ConvertToProviderTyped(entry.At);
            parameters[2].Value = entry.ActorIssuer;
            parameters[3].Value = entry.ActorId;
            parameters[4].Value = entry.ActorName;
            parameters[5].Value = entry.ActorRoles;
            parameters[6].Value = entry.ActorIsVendor ? 1 : 0;
            parameters[7].Value = entry.Action;
            parameters[8].Value = entry.Outcome;
            parameters[9].Value = entry.CaseId.Value.ToString().ToUpperInvariant();
            parameters[10].Value = entry.SubjectId;
            parameters[11].Value = entry.DetailsJson;
            parameters[12].Value = entry.PreviousHash;
            parameters[13].Value = entry.Hash;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return path;
    }
}
