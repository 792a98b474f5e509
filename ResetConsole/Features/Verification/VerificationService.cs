using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Notifications;
using ResetConsole.Policy;

namespace ResetConsole.Features.Verification;

/// <summary>
/// Runs the verification script's steps. Every target (contact, device, manager, owner) comes from the directory
/// record by id; nothing here accepts an address typed by a person. Codes go only to the notification sender.
/// </summary>
public sealed class VerificationService(
    CaseWriter writer,
    IDirectoryConnector directory,
    INotificationSender sender,
    IIdentityVerificationProvider identityVerification,
    SubjectProtector protector,
    ILogger<VerificationService> logger)
{
    private static readonly TimeSpan DefaultChallengeExpiry = TimeSpan.FromMinutes(5);
    private const int DefaultCodeLength = 6;

    public Task SendCodeAsync(StaffActor actor, Guid caseId, Guid stepId, Guid contactId, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.code-send", async context =>
        {
            var (step, option, subject) = await PrepareAsync(context, stepId, StepKind.OneTimeCode, ct);
            var contact = subject.Contacts.FirstOrDefault(c => c.Id == contactId)
                ?? throw new CaseRuleException("That contact is not of record for this account.");
            if (option.Contacts.Count > 0 && !option.Contacts.Contains(contact.Kind))
            {
                throw new CaseRuleException($"This step needs a code to the {string.Join(" or ", option.Contacts).ToLowerInvariant()} of record.");
            }

            await SupersedePendingAsync(context, stepId, ct);
            var (challenge, code) = VerificationChallenge.ForCode(caseId, stepId, contact.Id.ToString(), contact.Masked,
                option.CodeLength ?? DefaultCodeLength, option.Expiry ?? DefaultChallengeExpiry, context.Now);
            context.Db.VerificationChallenges.Add(challenge);
            var notification = new OutgoingNotification(NotificationKind.OneTimeCode, subject.Id, subject.DisplayName, contact.Kind, contact.Value,
                "Your helpdesk verification code",
                $"Your verification code is {code}. Read it to the helpdesk agent only if you called them. It expires at {challenge.ExpiresAt:HH:mm} UTC.",
                caseId);
            return new CaseChange(Audit(context, "step.code-sent", stepId, $"one-time code to {contact.Kind.ToString().ToLowerInvariant()} of record {contact.Masked}"),
                () => DeliverAsync(notification, ct));
        }, ct);

    public Task<CodeCheck> CheckCodeAsync(StaffActor actor, Guid caseId, Guid stepId, string typedCode, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.code-check", async context =>
        {
            await PrepareAsync(context, stepId, StepKind.OneTimeCode, ct);
            var challenge = await context.Db.VerificationChallenges
                .Where(c => c.CaseId == caseId && c.StepId == stepId && c.Status == ChallengeStatus.Pending)
                .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct)
                ?? throw new CaseRuleException("No code is waiting for this step; send one first.");
            var result = challenge.CheckCode(typedCode, context.Now);
            var method = $"one-time code to {challenge.TargetLabel}";
            switch (result)
            {
                case CodeCheck.Correct:
                    context.Case.PassStep(stepId, Evidence(context, StepKind.OneTimeCode, true, $"{method}, read back correctly", challenge.Id.ToString()), context.Now);
                    return (result, new CaseChange(Audit(context, "step.passed", stepId, method)));
                case CodeCheck.Expired:
                    return (result, new CaseChange(Audit(context, "step.code-expired", stepId, method, AuditRecord.Failed)));
                case CodeCheck.Wrong:
                    var frozen = context.Case.FailAttempt(stepId, Evidence(context, StepKind.OneTimeCode, false, $"{method}, wrong code read back", challenge.Id.ToString()), context.Now);
                    if (frozen)
                    {
                        challenge.Status = ChallengeStatus.Failed;
                        await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
                        VerificationLog.Frozen(logger, caseId, "one-time code attempts exhausted");
                    }

                    return (result, new CaseChange(Audit(context, frozen ? "case.frozen" : "step.failed-attempt", stepId, method, AuditRecord.Failed)));
                default:
                    throw new CaseRuleException("No code is waiting for this step; send one first.");
            }
        }, ct);

    public Task SendPushAsync(StaffActor actor, Guid caseId, Guid stepId, Guid authenticatorId, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.push-send", async context =>
        {
            var (_, option, subject) = await PrepareAsync(context, stepId, StepKind.Push, ct);
            var device = subject.Authenticators.FirstOrDefault(a => a.Id == authenticatorId && a.Kind == AuthenticatorKind.Push)
                ?? throw new CaseRuleException("That device is not enrolled for push on this account.");
            var challenge = await NewChallengeAsync(context, stepId, StepKind.Push, device.Id.ToString(), device.Label, option, ct);
            var notification = new OutgoingNotification(NotificationKind.PushRequest, subject.Id, subject.DisplayName, ContactKind.Phone, device.Label,
                "Approve the helpdesk's verification?", "The helpdesk is verifying a recovery request for your account. Approve only if you are on the phone with them.",
                caseId, $"/demo/respond/{challenge.Id}");
            return new CaseChange(Audit(context, "step.push-sent", stepId, $"push to enrolled device {device.Label}"), () => DeliverAsync(notification, ct));
        }, ct);

    public Task RequestAttestationAsync(StaffActor actor, Guid caseId, Guid stepId, StepKind kind, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.attestation-request", async context =>
        {
            if (kind is not (StepKind.ManagerAttestation or StepKind.OwnerAttestation))
            {
                throw new CaseRuleException("Only manager or owner attestation is requested this way.");
            }

            var (_, option, subject) = await PrepareAsync(context, stepId, kind, ct);
            var attesterId = (kind == StepKind.ManagerAttestation ? subject.ManagerId : subject.OwnerId)
                ?? throw new CaseRuleException(kind == StepKind.ManagerAttestation ? "The account has no manager of record." : "The account has no owner of record.");
            var attester = await directory.FindAsync(attesterId, ct) ?? throw new CaseRuleException("The person of record is not in the directory.");
            var email = attester.Contacts.FirstOrDefault(c => c.Kind == ContactKind.Email) ?? throw new CaseRuleException("The person of record has no email of record.");
            var challenge = await NewChallengeAsync(context, stepId, kind, attester.Id, attester.DisplayName, option with { Expiry = option.Expiry ?? TimeSpan.FromMinutes(10) }, ct);
            var notification = new OutgoingNotification(NotificationKind.AttestationRequest, attester.Id, attester.DisplayName, ContactKind.Email, email.Value,
                $"Please confirm a recovery request for {subject.DisplayName}",
                $"{context.Actor.Name} at the helpdesk asks you to confirm that {subject.DisplayName} asked for {PolicyNames<RequestedAction>.Name(context.Case.EffectiveAction)}. Sign in and answer only if you know this to be true.",
                caseId, $"/demo/respond/{challenge.Id}");
            return new CaseChange(Audit(context, "step.attestation-requested", stepId, $"{PolicyNames<StepKind>.Name(kind)} from {attester.DisplayName}"),
                () => DeliverAsync(notification, ct));
        }, ct);

    public Task StartDocumentCheckAsync(StaffActor actor, Guid caseId, Guid stepId, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.document-check", async context =>
        {
            var (_, option, subject) = await PrepareAsync(context, stepId, StepKind.IdentityDocument, ct);
            var challenge = await NewChallengeAsync(context, stepId, StepKind.IdentityDocument, subject.Id, identityVerification.Name,
                option with { Expiry = option.Expiry ?? TimeSpan.FromMinutes(10) }, ct);
            challenge.Reference = $"IDV-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
            var reference = challenge.Reference;
            return new CaseChange(Audit(context, "step.document-check-started", stepId, $"identity document check, session {reference}"),
                () => StartSessionAsync(subject, challenge.Id, reference, ct));
        }, ct);

    public Task RecordCallbackAsync(StaffActor actor, Guid caseId, Guid stepId, CallbackOutcome outcome, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.callback", async context =>
        {
            var (_, _, subject) = await PrepareAsync(context, stepId, StepKind.Callback, ct);
            var phone = (await CallbackTargets.PhoneOfRecordAsync(subject, directory, ct)) ?? throw new CaseRuleException("The account has no phone of record.");
            var method = $"callback to the number of record {phone.Masked}";
            switch (outcome)
            {
                case CallbackOutcome.Confirmed:
                    context.Case.PassStep(stepId, Evidence(context, StepKind.Callback, true, $"{method}: confirmed", null), context.Now);
                    return new CaseChange(Audit(context, "step.passed", stepId, method));
                case CallbackOutcome.NoAnswer:
                    var exhausted = context.Case.FailAttempt(stepId, Evidence(context, StepKind.Callback, false, $"{method}: no answer", null), context.Now);
                    if (exhausted)
                    {
                        await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
                    }

                    return new CaseChange(Audit(context, exhausted ? "case.frozen" : "step.failed-attempt", stepId, method, AuditRecord.Failed));
                default:
                    context.Case.FailStep(stepId, Evidence(context, StepKind.Callback, false, $"{method}: the person of record did not make this request", null), context.Now);
                    await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
                    VerificationLog.Frozen(logger, caseId, "callback denied");
                    return new CaseChange(Audit(context, "case.frozen", stepId, method, AuditRecord.Failed));
            }
        }, ct);

    public Task RecordBadgeCheckAsync(StaffActor actor, Guid caseId, Guid stepId, string badgeReference, bool matches, CancellationToken ct = default) =>
        RecordInPersonAsync(actor, caseId, stepId, StepKind.InPersonBadge, badgeReference, matches, "in-person badge check", ct);

    public Task RecordKnowledgeCheckAsync(StaffActor actor, Guid caseId, Guid stepId, bool passed, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.knowledge", async context =>
        {
            await PrepareAsync(context, stepId, StepKind.KnowledgeCheck, ct);
            if (passed)
            {
                context.Case.PassStep(stepId, Evidence(context, StepKind.KnowledgeCheck, true, "knowledge check answered", null), context.Now);
                return new CaseChange(Audit(context, "step.passed", stepId, "knowledge check"));
            }

            var exhausted = context.Case.FailAttempt(stepId, Evidence(context, StepKind.KnowledgeCheck, false, "knowledge check answered wrongly", null), context.Now);
            if (exhausted)
            {
                await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
            }

            return new CaseChange(Audit(context, exhausted ? "case.frozen" : "step.failed-attempt", stepId, "knowledge check", AuditRecord.Failed));
        }, ct);

    private Task RecordInPersonAsync(StaffActor actor, Guid caseId, Guid stepId, StepKind kind, string reference, bool matches, string method, CancellationToken ct) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "step.in-person", async context =>
        {
            await PrepareAsync(context, stepId, kind, ct);
            if (string.IsNullOrWhiteSpace(reference))
            {
                throw new CaseRuleException("Record the badge or document reference you checked.");
            }

            if (matches)
            {
                context.Case.PassStep(stepId, Evidence(context, kind, true, $"{method}: matches the record", reference.Trim()), context.Now);
                return new CaseChange(Audit(context, "step.passed", stepId, $"{method} {reference.Trim()}"));
            }

            context.Case.FailStep(stepId, Evidence(context, kind, false, $"{method}: does not match the record", reference.Trim()), context.Now);
            await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
            return new CaseChange(Audit(context, "case.frozen", stepId, method, AuditRecord.Failed));
        }, ct);

    private async Task<(VerificationStep Step, StepOptionSnapshot Option, Subject Subject)> PrepareAsync(CaseContext context, Guid stepId, StepKind kind, CancellationToken ct)
    {
        CaseAccess.EnsureWorker(context.Actor, context.Case);
        var step = context.Case.Step(stepId);
        var option = step.Option(kind);
        if (step.Status != StepStatus.Pending)
        {
            throw new CaseRuleException($"This step is already {step.Status.ToString().ToLowerInvariant()}.");
        }

        if (context.Case.Status != CaseStatus.Verifying)
        {
            throw new CaseRuleException(context.Case.Status == CaseStatus.Frozen
                ? "This case is frozen for suspected social engineering; only a security lead can release it."
                : $"Steps can only be recorded while the case is verifying; it is {context.Case.Status.Label().ToLowerInvariant()}.");
        }

        var subject = await directory.FindAsync(context.Case.SubjectId, ct) ?? throw new CaseRuleException("The account is no longer in the directory.");
        return (step, option, subject);
    }

    private static async Task<VerificationChallenge> NewChallengeAsync(CaseContext context, Guid stepId, StepKind kind, string targetId, string label, StepOptionSnapshot option, CancellationToken ct)
    {
        await SupersedePendingAsync(context, stepId, ct);
        var challenge = new VerificationChallenge
        {
            Id = Guid.NewGuid(),
            CaseId = context.Case.Id,
            StepId = stepId,
            Kind = kind,
            TargetId = targetId,
            TargetLabel = label,
            CreatedAt = context.Now,
            ExpiresAt = context.Now + (option.Expiry ?? DefaultChallengeExpiry),
        };
        context.Db.VerificationChallenges.Add(challenge);
        return challenge;
    }

    private static async Task SupersedePendingAsync(CaseContext context, Guid stepId, CancellationToken ct)
    {
        var pending = await context.Db.VerificationChallenges.Where(c => c.CaseId == context.Case.Id && c.StepId == stepId && c.Status == ChallengeStatus.Pending).ToListAsync(ct);
        pending.ForEach(c => c.Status = ChallengeStatus.Superseded);
    }

    private async Task StartSessionAsync(Subject subject, Guid challengeId, string reference, CancellationToken ct)
    {
        try
        {
            await identityVerification.StartSessionAsync(subject, challengeId, reference, ct);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or CaseRuleException))
        {
            VerificationLog.DeliveryFailed(logger, ex, NotificationKind.IdentityCheckRequest, null);
            throw new CaseRuleException("The identity verification service could not start a session; try again.");
        }
    }

    private async Task DeliverAsync(OutgoingNotification notification, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(notification, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            VerificationLog.DeliveryFailed(logger, ex, notification.Kind, notification.CaseId);
            throw new CaseRuleException("The message could not be delivered; nothing was sent. Try again, or choose another method.");
        }
    }

    private static StepEvidence Evidence(CaseContext context, StepKind kind, bool passed, string method, string? reference) =>
        new(kind, passed, method, reference, context.Actor.Id, context.Actor.Name, context.Now);

    private static AuditRecord Audit(CaseContext context, string action, Guid stepId, string method, string outcome = AuditRecord.Succeeded) =>
        new(context.Actor, action, outcome, context.Case.Id, context.Case.SubjectId, new Dictionary<string, string?>
        {
            ["step"] = stepId.ToString(),
            ["method"] = method,
            ["caseStatus"] = context.Case.Status.ToString(),
            ["caseVersion"] = context.Case.Version.ToString(CultureInfo.InvariantCulture),
        });
}
