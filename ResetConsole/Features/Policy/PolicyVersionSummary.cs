namespace ResetConsole.Features.Policy;

public sealed record PolicyVersionSummary(
    int Number, string Sha256, string AuthorName, string ApproverName, string Reason, DateTimeOffset ActivatedAt, bool IsActive);
