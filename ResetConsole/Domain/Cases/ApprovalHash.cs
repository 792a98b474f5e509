using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ResetConsole.Domain.Cases;

/// <summary>
/// A hash of everything an approver reviews: the request, the tier and why, the signals, every step and its
/// evidence, and the case's version. The approval dialog shows it; the decision must carry it; any change between
/// the two refuses the decision.
/// </summary>
public static class ApprovalHash
{
    public static string Compute(RecoveryCase recoveryCase)
    {
        var view = new
        {
            recoveryCase.Id,
            recoveryCase.Version,
            recoveryCase.SubjectId,
            Action = recoveryCase.EffectiveAction.ToString(),
            recoveryCase.TicketReference,
            recoveryCase.TierId,
            Reasons = recoveryCase.Reasons.Select(r => r.Text),
            Signals = recoveryCase.Signals.Select(s => s.RuleId),
            Steps = recoveryCase.Steps.OrderBy(s => s.Order).Select(s => new
            {
                s.PolicyStepId,
                Status = s.Status.ToString(),
                s.WaivedByExceptionId,
                WaivedUntil = s.WaivedUntil?.ToUnixTimeMilliseconds(),
                Evidence = s.Evidence.Select(e => new { e.Method, e.Passed, e.Reference, e.ById, At = e.At.ToUnixTimeMilliseconds() }),
            }),
            recoveryCase.ApprovalsRequired,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(view))));
    }
}
