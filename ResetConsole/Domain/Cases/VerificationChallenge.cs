using System.Security.Cryptography;
using System.Text;
using ResetConsole.Policy;

namespace ResetConsole.Domain.Cases;

/// <summary>
/// Something the system sent out to verify the caller: a one-time code to a contact of record, a push to an enrolled
/// device, an attestation request to the manager or owner of record, an identity-document session. The target always
/// comes from the directory record. A code is kept only as a salted HMAC: nobody, the agent included, can read it.
/// </summary>
public sealed class VerificationChallenge
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid StepId { get; set; }
    public StepKind Kind { get; set; }

    /// <summary>The contact, authenticator or person of record the challenge went to.</summary>
    public required string TargetId { get; set; }

    /// <summary>What staff may see of the target: a masked contact, a device label, a name.</summary>
    public required string TargetLabel { get; set; }
    public byte[]? CodeHash { get; set; }
    public byte[]? CodeSalt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public ChallengeStatus Status { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public string? RespondedById { get; set; }
    public string? RespondedByName { get; set; }

    /// <summary>An outside reference, e.g. the identity-verification provider's session id.</summary>
    public string? Reference { get; set; }

    public bool IsPending(DateTimeOffset now) => Status == ChallengeStatus.Pending && ExpiresAt > now;

    /// <summary>Creates a code challenge and returns the code, which must go only to the notification sender.</summary>
    public static (VerificationChallenge Challenge, string Code) ForCode(Guid caseId, Guid stepId, string targetId, string targetLabel, int length, TimeSpan expiry, DateTimeOffset now)
    {
        var code = string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });
        var salt = RandomNumberGenerator.GetBytes(16);
        var challenge = new VerificationChallenge
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            StepId = stepId,
            Kind = StepKind.OneTimeCode,
            TargetId = targetId,
            TargetLabel = targetLabel,
            CodeSalt = salt,
            CodeHash = Hash(code, salt),
            CreatedAt = now,
            ExpiresAt = now + expiry,
        };
        return (challenge, code);
    }

    /// <summary>Compares in constant time; a right code is used up, an expired one never matches.</summary>
    public CodeCheck CheckCode(string? typed, DateTimeOffset now)
    {
        if (Status != ChallengeStatus.Pending || CodeHash is null || CodeSalt is null)
        {
            return CodeCheck.NotPending;
        }

        if (ExpiresAt <= now)
        {
            Status = ChallengeStatus.Expired;
            return CodeCheck.Expired;
        }

        var normalized = new string((typed ?? string.Empty).Where(char.IsDigit).ToArray());
        if (CryptographicOperations.FixedTimeEquals(Hash(normalized, CodeSalt), CodeHash))
        {
            Status = ChallengeStatus.Passed;
            RespondedAt = now;
            return CodeCheck.Correct;
        }

        FailedAttempts++;
        return CodeCheck.Wrong;
    }

    public void Respond(bool approved, string byId, string byName, DateTimeOffset now)
    {
        if (!IsPending(now))
        {
            throw new CaseRuleException(ExpiresAt <= now ? "This request has expired." : "This request was already answered.");
        }

        Status = approved ? ChallengeStatus.Passed : ChallengeStatus.Denied;
        RespondedAt = now;
        RespondedById = byId;
        RespondedByName = byName;
    }

    private static byte[] Hash(string code, byte[] salt) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code));
}
