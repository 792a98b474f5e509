using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Domain.Cases;

/// <summary>One way to satisfy a step, with the limits the policy set when the case was opened.</summary>
public sealed record StepOptionSnapshot(StepKind Kind, IReadOnlyList<ContactKind> Contacts, int? CodeLength, TimeSpan? Expiry, int? Attempts)
{
    public const int DefaultAttempts = 3;

    public int MaxAttempts => Attempts ?? DefaultAttempts;

    public static StepOptionSnapshot From(StepOption option) =>
        new(option.Kind, option.Limits.Contacts, option.Limits.CodeLength, option.Limits.Expiry, option.Limits.Attempts);
}
