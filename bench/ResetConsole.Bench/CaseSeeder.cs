using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Features.Cases;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>Fills the database with many cases quickly: the shape the queries see in production, without the journeys.</summary>
public static class CaseSeeder
{
    /// <param name="start">When the first case opened; later ones follow a minute apart. The load harness starts them
    /// in the future so that no item falls due, and no sweep escalates it, while screens are measured.</param>
    /// <param name="from">The number of the first case: a second call continues the first one's numbering with
    /// <c>from</c> set to the first call's total (the first <paramref name="awaitingSupervisor"/> of this call wait for a
    /// supervisor, then <paramref name="awaitingSecurity"/> for a security lead).</param>
    public static async Task SeedAsync(BenchHost host, int total, int awaitingSupervisor, int awaitingSecurity, DateTimeOffset? start = null, int from = 0)
    {
        var first = start ?? new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var random = new Random(7 + from);
        const int batch = 5_000;
        for (var offset = from; offset < from + total; offset += batch)
        {
            await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(from + total, offset + batch); i++)
            {
                var n = i - from;
                var queue = n < awaitingSupervisor ? ApprovalQueue.Supervisor : n < awaitingSupervisor + awaitingSecurity ? ApprovalQueue.Security : ApprovalQueue.None;
                var openedAt = first.AddMinutes(i);
                db.RecoveryCases.Add(new RecoveryCase
                {
                    Id = Guid.CreateVersion7(openedAt),
                    TicketReference = $"INC-{i}",
                    Channel = RequestChannel.Phone,
                    RequestedAction = RequestedAction.PasswordReset,
                    EffectiveAction = RequestedAction.PasswordReset,
                    SubjectId = $"u-{random.Next(1, 320):0000}",
                    SubjectUsername = $"user{i}",
                    SubjectDisplayName = $"User {i}",
                    SubjectKind = SubjectKind.Employee,
                    OpenedById = $"agent-{i % 40}",
                    OpenedByName = $"Agent {i % 40}",
                    TierId = queue == ApprovalQueue.Security ? "privileged" : queue == ApprovalQueue.Supervisor ? "elevated" : "standard",
                    TierName = queue == ApprovalQueue.Security ? "Privileged" : queue == ApprovalQueue.Supervisor ? "Elevated" : "Standard",
                    TierRank = queue == ApprovalQueue.Security ? 2 : queue == ApprovalQueue.Supervisor ? 1 : 0,
                    BaseTierId = "standard",
                    Reasons = [new CaseReason("member of Finance Approvers", "finance-approvers", [])],
                    PolicyVersion = 1,
                    ApprovalQueue = queue,
                    ApprovalsRequired = queue == ApprovalQueue.None ? 0 : queue == ApprovalQueue.Security ? 2 : 1,
                    ApprovalValidity = TimeSpan.FromMinutes(30),
                    ApprovalSla = TimeSpan.FromMinutes(15),
                    ApprovalEligibleRoles = queue == ApprovalQueue.Security ? ["SecurityLead"] : ["Supervisor", "SecurityLead"],
                    Status = queue == ApprovalQueue.None ? CaseStatus.Completed : CaseStatus.AwaitingApproval,
                    OpenedAt = openedAt,
                    UpdatedAt = openedAt,
                    SubmittedAt = openedAt.AddMinutes(3),
                    ApprovalDueAt = openedAt.AddMinutes(3 + random.Next(5, 60)),
                    ClosedAt = queue == ApprovalQueue.None ? openedAt.AddMinutes(10) : null,
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Real cases opened through the service by <paramref name="agent"/> (an MFA reset by phone for each employee in the
    /// demo directory until <paramref name="count"/> are open), with their verification scripts: the agent's case page.
    /// </summary>
    public static async Task<List<Guid>> OpenAgentCasesAsync(BenchHost host, string agent, int count)
    {
        var ids = new List<Guid>();
        var opener = await host.StaffAsync(agent, Roles.Agent);
        var cases = host.Get<CaseService>();
        var subjects = await host.Get<IDirectoryConnector>().SearchAsync(new DirectorySearch(string.Empty, PageSize: DirectorySearch.MaxPageSize));
        var opened = 0;
        foreach (var subject in subjects.Items.Where(s => s.Kind == Domain.Subjects.SubjectKind.Employee))
        {
            try
            {
                ids.Add(await cases.OpenAsync(opener, new OpenCaseRequest(subject.Id, RequestedAction.MfaReset, RequestChannel.Phone, $"BENCH-{opened}")));
                if (++opened == count)
                {
                    return ids;
                }
            }
            catch (Exception ex) when (ex is Domain.Cases.CaseRuleException or OpenCaseConflictException)
            {
                // A protected or busy account: take the next one.
            }
        }

        throw new InvalidOperationException($"Only {opened} agent cases could be opened.");
    }
}
