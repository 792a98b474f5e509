namespace ResetConsole.Policy;

/// <summary>People who may never approve a case; the first four are mandatory (NIST 800-53 AC-5).</summary>
public enum ApprovalExclusion
{
    VendorAgents,
    Requester,
    Verifier,
    Subject,
    SubjectManager,
}
