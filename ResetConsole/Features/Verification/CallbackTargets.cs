using ResetConsole.Directory;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Features.Verification;

/// <summary>
/// Whose number a callback goes to: the subject's phone of record, or for a non-human identity its accountable
/// owner's. Always from the directory, never from the caller.
/// </summary>
public static class CallbackTargets
{
    public static async Task<ContactOfRecord?> PhoneOfRecordAsync(Subject subject, IDirectoryConnector directory, CancellationToken ct)
    {
        var person = subject.IsNonHuman && subject.OwnerId is { } ownerId ? await directory.FindAsync(ownerId, ct) : subject;
        return person?.Contacts.FirstOrDefault(c => c.Kind == ContactKind.Phone);
    }
}
