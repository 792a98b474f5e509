using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Infrastructure;
using ResetConsole.Policy;

namespace ResetConsole.Features.Verification;

/// <summary>
/// The other end of a challenge: the device owner approving a push, the manager or owner of record attesting, the
/// subject finishing an identity check. An attestation counts only from the person of record, signed in as themselves.
/// A denial is the strongest sign of an attack: it fails the step and freezes the case.
/// </summary>
public sealed class ChallengeResponder(
    IDbContextFactory<AppDbContext> dbFactory, CaseWriter writer, IDirectoryConnector directory, SubjectProtector protector, DemoMode demo)
{
    public async Task<ChallengePrompt?> GetPromptAsync(Guid challengeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var challenge = await db.VerificationChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == challengeId, ct);
        if (challenge is null || challenge.Kind == StepKind.OneTimeCode)
        {
            return null;
        }

        var recoveryCase = await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == challenge.CaseId, ct);
        return new ChallengePrompt(challenge.Id, challenge.Kind, challenge.TargetLabel, recoveryCase.SubjectDisplayName,
            PolicyNames<RequestedAction>.Name(recoveryCase.EffectiveAction), recoveryCase.OpenedByName, challenge.Status, challenge.ExpiresAt, challenge.Reference);
    }

    public async Task RespondAsync(StaffActor respondent, Guid challengeId, bool approve, CancellationToken ct = default)
    {
        Guid caseId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            caseId = await db.VerificationChallenges.Where(c => c.Id == challengeId).Select(c => c.CaseId).SingleOrDefaultAsync(ct);
        }

        if (caseId == Guid.Empty)
        {
            throw new CaseRuleException("There is no such request.");
        }

        await writer.ChangeAsync(respondent, caseId, [], "challenge.respond", async context =>
        {
            var challenge = await context.Db.VerificationChallenges.SingleAsync(c => c.Id == challengeId, ct);
            await EnsureRightPersonAsync(challenge, context.Case, context.Actor, ct);
            challenge.Respond(approve, context.Actor.Id, context.Actor.Name, context.Now);
            var method = challenge.Kind switch
            {
                StepKind.Push => $"push to enrolled device {challenge.TargetLabel}",
                StepKind.IdentityDocument => $"identity document check, session {challenge.Reference}",
                _ => $"{PolicyNames<StepKind>.Name(challenge.Kind)} by {challenge.TargetLabel}",
            };
            var evidence = new StepEvidence(challenge.Kind, approve, $"{method}: {(approve ? "approved" : "denied")}", challenge.Reference ?? challenge.Id.ToString(),
                context.Actor.Id, context.Actor.Name, context.Now);
            if (approve)
            {
                context.Case.PassStep(challenge.StepId, evidence, context.Now);
            }
            else
            {
                context.Case.FailStep(challenge.StepId, evidence, context.Now);
                await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
            }

            return new CaseChange(new AuditRecord(context.Actor, approve ? "step.passed" : "case.frozen", approve ? AuditRecord.Succeeded : AuditRecord.Failed,
                caseId, context.Case.SubjectId, new Dictionary<string, string?> { ["step"] = challenge.StepId.ToString(), ["method"] = evidence.Method }));
        }, ct);
    }

    private async Task EnsureRightPersonAsync(VerificationChallenge challenge, RecoveryCase recoveryCase, StaffActor actor, CancellationToken ct)
    {
        // Codes, callbacks and in-person checks are recorded by the agent with their evidence; they have no answer page.
        if (challenge.Kind is not (StepKind.Push or StepKind.IdentityDocument or StepKind.ManagerAttestation or StepKind.OwnerAttestation))
        {
            throw new AccessRefusedException("This kind of verification cannot be answered here.");
        }

        if (recoveryCase.OpenedById == actor.Id)
        {
            throw new AccessRefusedException("The agent working the case cannot answer its own verification request.");
        }

        // A real device or identity provider answers through its own integration; this page stands in for them only in demo mode.
        if (challenge.Kind is StepKind.Push or StepKind.IdentityDocument && !demo.IsOn)
        {
            throw new AccessRefusedException("Device and document answers come from the provider, not from this page.");
        }

        if (challenge.Kind is not (StepKind.ManagerAttestation or StepKind.OwnerAttestation))
        {
            return;
        }

        var attester = await directory.FindAsync(challenge.TargetId, ct);
        if (attester is null || actor.Username is null || !string.Equals(attester.Username, actor.Username, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccessRefusedException($"Only {challenge.TargetLabel}, signed in as themselves, can answer this request.");
        }
    }
}
