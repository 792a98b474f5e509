using ResetConsole.Domain.Subjects;
using ResetConsole.Notifications;

namespace ResetConsole.Features.Verification;

/// <summary>Demo mode: the "document check" is a page the subject opens from the outbox and completes.</summary>
public sealed class DemoIdentityVerificationProvider(INotificationSender sender) : IIdentityVerificationProvider
{
    public string Name => "Demo identity verification";

    public async Task StartSessionAsync(Subject subject, Guid challengeId, string reference, CancellationToken ct = default)
    {
        var email = subject.Contacts.FirstOrDefault(c => c.Kind == ContactKind.Email)
            ?? throw new Domain.Cases.CaseRuleException("The account has no email of record for an identity check.");
        await sender.SendAsync(new OutgoingNotification(NotificationKind.IdentityCheckRequest, subject.Id, subject.DisplayName, ContactKind.Email,
            email.Value, "Complete your identity check", $"The helpdesk asked for an identity document check (session {reference}). Open the link to complete it.",
            null, $"/demo/respond/{challengeId}"), ct);
    }
}
