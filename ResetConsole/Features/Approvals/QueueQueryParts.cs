using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// The parts the queue's compiled queries share, each written once: which cases make a page, the counting approvals
/// rule, the item a row becomes. A query calls a part's stand-in method and <see cref="Expand{T}"/> puts the part's
/// expression in its place before Entity Framework sees the query; a stand-in called anywhere else throws.
/// </summary>
internal static class QueueQueryParts
{
    private static readonly Expression<Func<AppDbContext, ApprovalQueue, string?, int, int, IQueryable<RecoveryCase>>> PagePart =
        (db, queue, tierId, skip, take) => db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.Status == CaseStatus.AwaitingApproval && c.ApprovalQueue == queue && (tierId == null || c.TierId == tierId))
            .OrderBy(c => c.ApprovalDueAt).ThenBy(c => c.Id).Skip(skip).Take(take);

    // Approved, not voided, still valid, one per approver: the same rule as RecoveryCase.CountingApprovals.
    private static readonly Expression<Func<RecoveryCase, DateTimeOffset, int>> CountingApprovalsPart =
        (c, now) => c.Decisions.Where(d => d.Approved && d.VoidedAt == null && d.ValidUntil > now).Select(d => d.ApproverId).Distinct().Count();

    private static readonly Expression<Func<RecoveryCase, DateTimeOffset, int, QueueItem>> ItemPart =
        (c, now, approvals) => new QueueItem(c.Id, c.SubjectDisplayName, c.SubjectUsername, c.TierId, c.TierName, c.TierRank, c.TierIsNonHuman,
            Texts(c.Reasons), Texts(c.Signals), c.EffectiveAction, c.OpenedByName,
            c.OpenedByVendor, c.SubmittedAt ?? now, c.ApprovalDueAt ?? now, c.EscalatedAt != null, c.ApprovalsRequired,
            approvals, c.Version);

    private static readonly Dictionary<MethodInfo, LambdaExpression> Parts = new()
    {
        [StandIn(nameof(Page))] = PagePart,
        [StandIn(nameof(CountingApprovals))] = CountingApprovalsPart,
        [StandIn(nameof(Item))] = ItemPart,
    };

    /// <summary>The waiting cases of a queue (of one tier when it is given) in due order, one page of them.</summary>
    public static IQueryable<RecoveryCase> Page(AppDbContext db, ApprovalQueue queue, string? tierId, int skip, int take) => throw OutsideAQuery();

    /// <summary>A case's counting approvals at <paramref name="now"/>, worked out in the database.</summary>
    public static int CountingApprovals(RecoveryCase c, DateTimeOffset now) => throw OutsideAQuery();

    /// <summary>The queue item a case is, with the given counting approvals.</summary>
    public static QueueItem Item(RecoveryCase c, DateTimeOffset now, int approvals) => throw OutsideAQuery();

    /// <summary>The query with every stand-in replaced by its part.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    // Run on each row as it is read (the reasons and signals are a JSON column each).
    private static string Texts(List<CaseReason> reasons) => string.Join("; ", reasons.Select(r => r.Text));

    private static MethodInfo StandIn(string name) => typeof(QueueQueryParts).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    private static InvalidOperationException OutsideAQuery() => new("A queue query part is only an expression: expand the query that calls it.");

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!Parts.TryGetValue(node.Method, out var part))
            {
                return base.VisitMethodCall(node);
            }

            var arguments = node.Arguments.Select(a => Visit(a)).ToArray();
            var body = new Substitution(part.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(part.Body);
            return Visit(body);
        }
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.TryGetValue(node, out var value) ? value : node;
    }
}
