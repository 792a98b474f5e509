namespace ResetConsole.Policy;

public enum StepKind
{
    OneTimeCode,
    Push,
    Callback,
    ManagerAttestation,
    IdentityDocument,
    InPersonBadge,
    KnowledgeCheck,
    OwnerAttestation,
}
