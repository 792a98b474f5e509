using ResetConsole.Auth;

namespace ResetConsole.Features.Audit;

/// <summary>What a service wants recorded. Details name methods, references and ids; never codes, secrets or contacts.</summary>
public sealed record AuditRecord(
    StaffActor? Actor,
    string Action,
    string Outcome,
    Guid? CaseId = null,
    string? SubjectId = null,
    IReadOnlyDictionary<string, string?>? Details = null)
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
