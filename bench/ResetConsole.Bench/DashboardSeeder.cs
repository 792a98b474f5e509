using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Features.Security;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// A year of history for the security dashboard and the trend charts: cases spread over 365 days, each with its
/// verification evidence, most executed, approvals where the tier asks for them, and exceptions (the active ones all
/// ending in the future).
/// </summary>
public static class DashboardSeeder
{
    public static readonly DateTimeOffset YearStart = new(2025, 11, 26, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Changes whenever the seeded shape changes, so a saved copy of an older shape is not reused.</summary>
    public const int Version = 3;

    public static async Task SeedAsync(BenchHost host, int cases, int activeExceptions, DateTimeOffset now)
    {
        var random = new Random(11);
        var tiers = new[] { ("standard", "Standard", 0, ApprovalQueue.None), ("elevated", "Elevated", 1, ApprovalQueue.Supervisor), ("privileged", "Privileged", 2, ApprovalQueue.Security) };
        var channels = Enum.GetValues<RequestChannel>();
        var span = (now - YearStart).TotalMinutes;
        const int batch = 5_000;
        for (var offset = 0; offset < cases; offset += batch)
        {
            await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(cases, offset + batch); i++)
            {
                var (tierId, tierName, rank, queue) = tiers[i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2];
                var openedAt = YearStart.AddMinutes(span * i / cases);
                var executed = i % 5 != 0;
                var recoveryCase = new RecoveryCase
                {
                    Id = Guid.CreateVersion7(openedAt),
                    TicketReference = $"INC-{i}",
                    Channel = channels[i % channels.Length],
                    RequestedAction = RequestedAction.PasswordReset,
                    EffectiveAction = RequestedAction.PasswordReset,
                    SubjectId = $"u-{random.Next(1, 320):0000}",
                    SubjectUsername = $"user{i}",
                    SubjectDisplayName = $"User {i}",
                    SubjectKind = SubjectKind.Employee,
                    OpenedById = $"agent-{i % 40}",
                    OpenedByName = $"Agent {i % 40}",
                    OpenedByVendor = i % 40 >= 30 && rank < 2 ? "Contoso Support" : null,
                    TierId = tierId,
                    TierName = tierName,
                    TierRank = rank,
                    BaseTierId = "standard",
                    PolicyVersion = 1,
                    ApprovalQueue = queue,
                    ApprovalsRequired = rank,
                    Status = executed ? CaseStatus.Completed : i % 50 == 1 ? CaseStatus.Frozen : CaseStatus.Abandoned,
                    OpenedAt = openedAt,
                    UpdatedAt = openedAt.AddMinutes(20),
                    SubmittedAt = queue == ApprovalQueue.None ? null : openedAt.AddMinutes(5),
                    ApprovalDueAt = queue == ApprovalQueue.None ? null : openedAt.AddMinutes(20),
                    ExecutionStartedAt = executed ? openedAt.AddMinutes(25) : null,
                    FrozenAt = i % 50 == 1 && !executed ? openedAt.AddMinutes(3) : null,
                    FrozenReason = i % 50 == 1 && !executed ? "Step failed: one-time code attempts exhausted." : null,
                };
                var failures = random.Next(0, 10) == 0 ? 1 : 0;
                var evidence = Enumerable.Range(0, failures)
                    .Select(_ => new StepEvidence(StepKind.OneTimeCode, false, "one-time code, wrong code read back", null, recoveryCase.OpenedById, recoveryCase.OpenedByName, openedAt.AddMinutes(2)))
                    .Append(new StepEvidence(StepKind.OneTimeCode, true, "one-time code to email", null, recoveryCase.OpenedById, recoveryCase.OpenedByName, openedAt.AddMinutes(3)))
                    .ToList();
                recoveryCase.Steps.Add(new VerificationStep
                {
                    Id = Guid.NewGuid(), CaseId = recoveryCase.Id, Order = 1, PolicyStepId = "contact-code", SourceRuleId = "script",
                    Status = StepStatus.Passed, Evidence = evidence, PassedKinds = [StepKind.OneTimeCode],
                });
                if (rank > 0)
                {
                    recoveryCase.Steps.Add(new VerificationStep
                    {
                        Id = Guid.NewGuid(), CaseId = recoveryCase.Id, Order = 2, PolicyStepId = "possession", SourceRuleId = "script", Status = StepStatus.Passed,
                        Evidence = [new StepEvidence(StepKind.Push, true, "push approved on the enrolled device", null, recoveryCase.OpenedById, recoveryCase.OpenedByName, openedAt.AddMinutes(4))],
                        PassedKinds = [StepKind.Push],
                    });
                    for (var a = 0; a < rank; a++)
                    {
                        recoveryCase.Decisions.Add(new ApprovalDecision
                        {
                            Id = Guid.NewGuid(), CaseId = recoveryCase.Id, ApproverId = $"lead-{a}", ApproverName = $"Lead {a}", ApproverRoles = "SecurityLead",
                            Approved = true, RequestHash = new string('0', 64), DecidedAt = openedAt.AddMinutes(5 + random.Next(1, 30)),
                        });
                    }
                }

                db.RecoveryCases.Add(recoveryCase);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        // The per-day counts the console keeps as changes commit (DailyTally), for the same year of cases.
        await using (var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var perDay = cases / 366;
            for (var day = 0; day <= 366; day++)
            {
                var dayNumber = DateOnly.FromDateTime(YearStart.AddDays(day).UtcDateTime).DayNumber;
                var counts = new List<(int, string, string, long)>
                {
                    (dayNumber, DailyTally.VerificationPassed, nameof(StepKind.OneTimeCode), perDay),
                    (dayNumber, DailyTally.VerificationFailed, nameof(StepKind.OneTimeCode), perDay / 10),
                    (dayNumber, DailyTally.VerificationPassed, nameof(StepKind.Push), perDay * 3 / 10),
                    (dayNumber, DailyTally.ResetByTier, "Standard", perDay * 56 / 100),
                    (dayNumber, DailyTally.ResetByTier, "Elevated", perDay * 16 / 100),
                    (dayNumber, DailyTally.ResetByTier, "Privileged", perDay * 8 / 100),
                    (dayNumber, DailyTally.ApprovalDecided, "Supervisor", perDay / 5),
                    (dayNumber, DailyTally.ApprovalWithinSla, "Supervisor", perDay / 6),
                    (dayNumber, DailyTally.ApprovalSeconds, "Supervisor", perDay * 180),
                    (dayNumber, DailyTally.SecurityTierOpened, "Privileged", perDay / 10),
                    (dayNumber, DailyTally.ExceptionGrantedType, "Enrolled device unavailable", 20),
                    (dayNumber, DailyTally.ExceptionGrantedType, "Manager unreachable", 10),
                    (dayNumber, DailyTally.ExceptionGrantedBy, "Lead 0", 15),
                    (dayNumber, DailyTally.ExceptionGrantedBy, "Lead 1", 15),
                };
                counts.AddRange(channels.Select(ch => (dayNumber, DailyTally.ResetByChannel, ch.ToString(), (long)(perDay * 8 / 10 / channels.Length))));
                counts.AddRange(Enumerable.Range(0, 40).Select(a => (dayNumber, DailyTally.OpenedBy, $"Agent {a}", (long)(perDay / 40))));
                await DailyTally.AddAsync(db, counts, default);
            }
        }

        for (var offset = 0; offset < activeExceptions + 2_000; offset += batch)
        {
            await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(activeExceptions + 2_000, offset + batch); i++)
            {
                var active = i < activeExceptions;
                var decidedAt = active ? now.AddMinutes(-random.Next(1, 120)) : YearStart.AddDays(random.Next(0, 360));
                db.ExceptionGrants.Add(new ExceptionGrant
                {
                    Id = Guid.CreateVersion7(decidedAt),
                    CaseId = Guid.NewGuid(),
                    CaseReference = $"RC-{i:X8}",
                    SubjectId = $"u-{i % 320:0000}",
                    SubjectDisplayName = $"User {i}",
                    TierId = "elevated",
                    PolicyVersion = 1,
                    TypeId = i % 3 == 0 ? "manager-unreachable" : "enrolled-device-unavailable",
                    TypeTitle = i % 3 == 0 ? "Manager unreachable" : "Enrolled device unavailable",
                    StepId = Guid.NewGuid(),
                    StepDescription = "push to an enrolled device or manager attestation",
                    WaivedKind = StepKind.Push,
                    MaxDuration = TimeSpan.FromHours(8),
                    ReviewWithin = TimeSpan.FromHours(24),
                    CountsAgainstReviewLimit = true,
                    GrantedByRoles = ["SecurityLead"],
                    Status = active ? ExceptionStatus.Active : ExceptionStatus.Expired,
                    Reason = "travelling",
                    Evidence = "booking",
                    RequestedById = $"agent-{i % 40}",
                    RequestedByName = $"Agent {i % 40}",
                    RequestedAt = decidedAt.AddMinutes(-5),
                    DecidedById = $"lead-{i % 4}",
                    DecidedByName = $"Lead {i % 4}",
                    DecidedAt = decidedAt,
                    StartsAt = decidedAt,
                    EndsAt = active ? now.AddMinutes(30 + random.Next(0, 420)) : decidedAt.AddHours(4),
                    EndedAt = active ? null : decidedAt.AddHours(4),
                    ReviewDueAt = decidedAt.AddHours(24),
                    ReviewedAt = active ? null : decidedAt.AddHours(10),
                    ReviewedById = active ? null : "lead-9",
                    ReviewOutcome = active ? null : ReviewOutcome.Appropriate,
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }
}
