namespace ResetConsole.Tests.Unit.Policy;

/// <summary>
/// The smallest valid policy, for loader tests that break one line and assert where the error points.
/// Line numbers in the tests refer to this text; keep it stable.
/// </summary>
internal static class MinimalPolicy
{
    public const string Yaml = """
        name: minimal
        default-tier: standard
        verification-validity: 15m
        max-overdue-reviews-per-granter: 0
        tiers:
          - id: standard
            approval: { queue: none }
            post-reset: { revoke-sessions: true, notify-subject-at-all-contacts: true }
          - id: privileged
            approval:
              queue: security
              required: 2
              validity: 1h
              sla: 30m
              escalate-to: SecurityLead
              eligible-roles: [SecurityLead]
            post-reset: { revoke-sessions: true, notify-subject-at-all-contacts: true }
          - id: non-human
            non-human: true
            approval: { queue: security, required: 1, validity: 1h, sla: 1h, escalate-to: SecurityLead, eligible-roles: [SecurityLead] }
            post-reset: { revoke-sessions: true, notify-subject-at-all-contacts: true }
        tier-rules:
          - id: admins
            tier: privileged
            when: { groups: [Domain Admins] }
            reason: member of {match}
        scripts:
          - id: standard-recovery
            tier: standard
            actions: [password-reset, mfa-reset, unlock, temporary-access-pass]
            steps:
              - kind: one-time-code
                contact: [email]
                code-length: 6
                expiry: 10m
                attempts: 3
          - id: privileged-recovery
            tier: privileged
            actions: [password-reset, mfa-reset, unlock, temporary-access-pass]
            steps:
              - one-of:
                  - kind: identity-document
                  - kind: in-person-badge
              - kind: callback
          - id: rotation
            tier: non-human
            actions: [secret-rotation]
            steps:
              - kind: owner-attestation
        exception-types:
          - id: device-unavailable
            title: Enrolled device unavailable
            may-waive: [push]
            max-duration: 8h
            granted-by: [SecurityLead]
            review-within: 24h
            counts-against-review-limit: true
        vendors: { allowed-tiers: [standard] }
        freeze: { protection-period: 24h }
        """;

    /// <summary>Replaces exactly one occurrence, so a test cannot silently break nothing.</summary>
    public static string With(string oldText, string newText)
    {
        var index = Yaml.IndexOf(oldText, StringComparison.Ordinal);
        if (index < 0 || Yaml.IndexOf(oldText, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{oldText}' must occur exactly once in the minimal policy", nameof(oldText));
        }

        return string.Concat(Yaml.AsSpan(0, index), newText, Yaml.AsSpan(index + oldText.Length));
    }
}
