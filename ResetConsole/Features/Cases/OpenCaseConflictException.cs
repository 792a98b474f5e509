namespace ResetConsole.Features.Cases;

/// <summary>An open case already exists for this account and action; the person is sent to it instead.</summary>
public sealed class OpenCaseConflictException(Guid existingCaseId, string reference)
    : Exception($"An open case ({reference}) already exists for this account and action.")
{
    public Guid ExistingCaseId { get; } = existingCaseId;
}
