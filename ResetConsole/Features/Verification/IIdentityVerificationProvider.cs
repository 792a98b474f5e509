using ResetConsole.Domain.Subjects;

namespace ResetConsole.Features.Verification;

/// <summary>
/// An identity-document verification service. The console names the session (<paramref name="reference"/>) when it
/// records the challenge; the provider is called after that commit, and its result comes back later.
/// </summary>
public interface IIdentityVerificationProvider
{
    string Name { get; }

    Task StartSessionAsync(Subject subject, Guid challengeId, string reference, CancellationToken ct = default);
}
