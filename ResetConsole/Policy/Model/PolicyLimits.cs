namespace ResetConsole.Policy;

/// <summary>
/// Hard ceilings no policy may exceed, whatever its author writes: they keep a typo ("80h" for "8h") or a weakened
/// upload from becoming the rule. Values follow NIST SP 800-63B-4 (codes expire within 10 minutes) and keep every
/// exception and approval short-lived.
/// </summary>
public static class PolicyLimits
{
    public static readonly TimeSpan CodeExpiry = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan StepExpiry = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan VerificationValidity = TimeSpan.FromHours(1);
    public static readonly TimeSpan ApprovalValidity = TimeSpan.FromHours(24);
    public static readonly TimeSpan ApprovalSla = TimeSpan.FromHours(24);
    public static readonly TimeSpan ExceptionDuration = TimeSpan.FromHours(24);
    public static readonly TimeSpan ExceptionReview = TimeSpan.FromDays(7);
    public static readonly TimeSpan CoolDown = TimeSpan.FromDays(7);
    public static readonly TimeSpan TemporaryAccessPass = TimeSpan.FromHours(24);
    public static readonly TimeSpan FreezeProtection = TimeSpan.FromDays(30);
    public static readonly TimeSpan SignalWindow = TimeSpan.FromDays(90);
    public const int MinCodeLength = 6;
    public const int MaxCodeLength = 12;
    public const int MaxAttempts = 10;
    public const int MaxRaiseLevels = 3;
}
