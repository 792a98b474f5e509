using ResetConsole.Domain.Subjects;

namespace ResetConsole.Features.Verification;

/// <summary>An identity-document verification service. It returns a session reference; the result comes back later.</summary>
public interface IIdentityVerificationProvider
{
    string Name { get; }

    Task<string> StartSessionAsync(Subject subject, Guid challengeId, CancellationToken ct = default);
}
