using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

/// <summary>Per-step limits; null means "not applicable to this kind".</summary>
public sealed record StepLimits(IReadOnlyList<ContactKind> Contacts, int? CodeLength, TimeSpan? Expiry, int? Attempts)
{
    public static readonly StepLimits None = new([], null, null, null);
}
