using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Features.Security;

/// <summary>
/// Adds a change's new verification results to the per-day counts, in the change's own transaction. Waivers are not
/// verification results and are not counted.
/// </summary>
public static class VerificationTally
{
    /// <summary>How much evidence each step holds now; pass it back to <see cref="AddNewAsync"/> after the change.</summary>
    public static Dictionary<Guid, int> Snapshot(RecoveryCase recoveryCase) => recoveryCase.Steps.ToDictionary(s => s.Id, s => s.Evidence.Count);

    public static async Task AddNewAsync(AppDbContext db, RecoveryCase recoveryCase, Dictionary<Guid, int> before, CancellationToken ct)
    {
        var results = recoveryCase.Steps
            .SelectMany(s => s.Evidence.Skip(before.GetValueOrDefault(s.Id)).Where(e => s.WaivedByExceptionId is not { } waiver || e.Reference != waiver.ToString()))
            .GroupBy(e => (Day: DateOnly.FromDateTime(e.At.UtcDateTime).DayNumber, Kind: e.Kind.ToString()));
        foreach (var group in results)
        {
            var passed = group.Count(e => e.Passed);
            var failed = group.Count() - passed;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "VerificationDailyCounts" ("Day", "Kind", "Passed", "Failed") VALUES ({group.Key.Day}, {group.Key.Kind}, {passed}, {failed})
                ON CONFLICT ("Day", "Kind") DO UPDATE SET "Passed" = "Passed" + excluded."Passed", "Failed" = "Failed" + excluded."Failed"
                """, ct);
        }
    }
}
