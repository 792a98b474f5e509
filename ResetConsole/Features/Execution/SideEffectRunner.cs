using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Cases;
using ResetConsole.Notifications;

namespace ResetConsole.Features.Execution;

/// <summary>
/// What each side effect does. Secrets are generated here, handed to the directory and to the subject's (or owner's)
/// channel of record, and dropped: they are never returned, stored in clear, logged or shown to the agent.
/// </summary>
internal static class SideEffectRunner
{
    public static async Task<string> ApplyAsync(
        SideEffect effect, RecoveryCase recoveryCase, Subject subject, IDirectoryConnector directory, IDirectoryWriter writer,
        INotificationSender sender, DateTimeOffset now, CancellationToken ct)
    {
        Require(writer, effect.Kind);
        switch (effect.Kind)
        {
            case SideEffectKind.SetTemporaryCredential:
            {
                var secret = SecretGenerator.Generate();
                await writer.SetTemporaryCredentialAsync(subject.Id, secret, recoveryCase.RequireChangeAtNextSignIn, effect.IdempotencyKey, ct);
                var email = EmailOf(subject);
                await Deliver(sender, subject, email, "Your temporary password",
                    $"Your temporary password is {secret}" + (recoveryCase.RequireChangeAtNextSignIn ? ". You must choose a new one when you sign in." : "."), recoveryCase, ct);
                return $"issued and delivered to the email of record {email.Masked}" + (recoveryCase.RequireChangeAtNextSignIn ? "; change required at next sign-in" : "");
            }

            case SideEffectKind.ResetMfa:
                await writer.ResetMfaAsync(subject.Id, effect.IdempotencyKey, ct);
                return "registered MFA methods removed; the subject enrols again";
            case SideEffectKind.Unlock:
                await writer.UnlockAsync(subject.Id, effect.IdempotencyKey, ct);
                return "account unlocked";
            case SideEffectKind.IssueTemporaryAccessPass:
            {
                var pass = await writer.IssueTemporaryAccessPassAsync(subject.Id, recoveryCase.TemporaryAccessPassLifetime, effect.IdempotencyKey, ct);
                var email = EmailOf(subject);
                var expires = now + recoveryCase.TemporaryAccessPassLifetime;
                await Deliver(sender, subject, email, "Your temporary access pass", $"Your temporary access pass is {pass}. It expires at {expires:HH:mm} UTC.", recoveryCase, ct);
                return $"issued, expires at {expires:yyyy-MM-dd HH:mm} UTC, delivered to the email of record {email.Masked}";
            }

            case SideEffectKind.RotateSecret:
            {
                var owner = subject.OwnerId is { } ownerId ? await directory.FindAsync(ownerId, ct) : null;
                if (owner is null)
                {
                    throw new DirectoryOperationException("The service identity has no owner of record to receive the new secret.", isTransient: false);
                }

                var secret = SecretGenerator.Generate(32);
                await writer.RotateSecretAsync(subject.Id, secret, effect.IdempotencyKey, ct);
                var email = EmailOf(owner);
                await Deliver(sender, owner, email, $"New secret for {subject.Username}", $"The new secret for {subject.Username} is {secret}. Store it in your vault now.", recoveryCase, ct);
                return $"rotated; the new secret went to the owner {owner.DisplayName} at {email.Masked}";
            }

            case SideEffectKind.RevokeSessions:
                var confirmed = await writer.RevokeSessionsAsync(subject.Id, effect.IdempotencyKey, ct);
                return confirmed ? "all sessions and refresh tokens revoked (confirmed by the directory)" : "revocation requested (the directory cannot confirm it)";
            case SideEffectKind.NotifySubject:
                foreach (var contact in subject.Contacts)
                {
                    await Deliver(sender, subject, contact, "A helpdesk change to your account", Notice(recoveryCase, now), recoveryCase, ct, $"/report/{recoveryCase.Id}");
                }

                return $"notified at {subject.Contacts.Count} contact(s) of record";
            default:
            {
                var manager = subject.ManagerId is { } managerId ? await directory.FindAsync(managerId, ct) : null;
                if (manager is null)
                {
                    return "no manager of record to notify";
                }

                var email = EmailOf(manager);
                await Deliver(sender, manager, email, $"A helpdesk change to {subject.DisplayName}'s account",
                    $"For your information as manager of record: {Notice(recoveryCase, now)}", recoveryCase, ct);
                return $"manager {manager.DisplayName} notified";
            }
        }
    }

    private static string Notice(RecoveryCase recoveryCase, DateTimeOffset now) =>
        $"A {ActionLabels.Of(recoveryCase.EffectiveAction).ToLowerInvariant()} was completed on the account {recoveryCase.SubjectUsername} at {now:yyyy-MM-dd HH:mm} UTC " +
        $"by the helpdesk (case {recoveryCase.Reference}). If this wasn't you, report it at once with the link.";

    private static ContactOfRecord EmailOf(Subject person) =>
        person.Contacts.FirstOrDefault(c => c.Kind == ContactKind.Email)
        ?? throw new DirectoryOperationException($"{person.DisplayName} has no email of record to deliver to.", isTransient: false);

    private static async Task Deliver(INotificationSender sender, Subject person, ContactOfRecord contact, string title, string body, RecoveryCase recoveryCase, CancellationToken ct, string? link = null)
    {
        try
        {
            await sender.SendAsync(new OutgoingNotification(NotificationKind.RecoveryNotice, person.Id, person.DisplayName, contact.Kind, contact.Value, title, body, recoveryCase.Id, link), ct);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DirectoryOperationException))
        {
            throw new DirectoryOperationException($"Delivery to the {contact.Kind.ToString().ToLowerInvariant()} of record {contact.Masked} failed.", isTransient: true, inner: ex);
        }
    }

    private static void Require(IDirectoryWriter writer, SideEffectKind kind)
    {
        var needed = kind switch
        {
            SideEffectKind.SetTemporaryCredential => DirectoryCapabilities.SetTemporaryCredential,
            SideEffectKind.ResetMfa => DirectoryCapabilities.ResetMfa,
            SideEffectKind.Unlock => DirectoryCapabilities.Unlock,
            SideEffectKind.IssueTemporaryAccessPass => DirectoryCapabilities.IssueTemporaryAccessPass,
            SideEffectKind.RotateSecret => DirectoryCapabilities.RotateSecret,
            SideEffectKind.RevokeSessions => DirectoryCapabilities.RevokeSessions,
            _ => DirectoryCapabilities.None,
        };
        if (!writer.Capabilities.HasFlag(needed))
        {
            throw new DirectoryOperationException($"The directory connector cannot {kind}.", isTransient: false);
        }
    }
}
