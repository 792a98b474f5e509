using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

/// <summary>Words for people, for the policy's enums.</summary>
public static class ActionLabels
{
    public static string Of(RequestedAction action) => action switch
    {
        RequestedAction.PasswordReset => "Password reset",
        RequestedAction.MfaReset => "MFA reset",
        RequestedAction.Unlock => "Unlock",
        RequestedAction.TemporaryAccessPass => "Temporary access pass",
        RequestedAction.SecretRotation => "Secret rotation (non-human)",
        _ => action.ToString(),
    };

    public static string Of(RequestChannel channel) => channel switch
    {
        RequestChannel.WalkIn => "Walk-in",
        _ => channel.ToString(),
    };

    public static string Of(StepKind kind) => kind switch
    {
        StepKind.OneTimeCode => "One-time code to a contact of record",
        StepKind.Push => "Push to an enrolled device",
        StepKind.Callback => "Callback to the number of record",
        StepKind.ManagerAttestation => "Manager attestation",
        StepKind.IdentityDocument => "Identity document check",
        StepKind.InPersonBadge => "In-person badge check",
        StepKind.KnowledgeCheck => "Knowledge check",
        StepKind.OwnerAttestation => "Owner attestation",
        _ => kind.ToString(),
    };
}
