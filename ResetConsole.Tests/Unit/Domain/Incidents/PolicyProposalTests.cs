using ResetConsole.Domain.Incidents;

namespace ResetConsole.Tests.Unit.Domain.Incidents;

public sealed class PolicyProposalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Approve_ByTheProposer_IsRefused()
    {
        var proposal = Proposed("lee");

        var refusal = Assert.Throws<IncidentRuleException>(() => proposal.Approve("lee", "Lee", 1, 2, null, Now));

        Assert.Equal("You proposed this change; a different security lead must approve it.", refusal.Message);
        Assert.Equal(ProposalStatus.Proposed, proposal.Status);
    }

    [Fact]
    public void Approve_AfterTheActiveVersionMovedOn_IsRefusedAskingForARebase()
    {
        var proposal = Proposed("pat");

        var refusal = Assert.Throws<IncidentRuleException>(() => proposal.Approve("kim", "Kim", 2, 3, null, Now));

        Assert.Contains("the active policy changed since this was proposed", refusal.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rebase", refusal.Message);
    }

    [Fact]
    public void Approve_ByAnotherPersonOnTheCurrentBase_ActivatesTheNewVersion()
    {
        var proposal = Proposed("pat");

        proposal.Approve("kim", "Kim", 1, 2, " looks right ", Now);

        Assert.Equal((ProposalStatus.Activated, 2, "kim", "looks right"), (proposal.Status, proposal.ActivatedVersion!.Value, proposal.DecidedById!, proposal.DecisionNote!));
    }

    [Fact]
    public void Approve_Twice_IsRefused()
    {
        var proposal = Proposed("pat");
        proposal.Approve("kim", "Kim", 1, 2, null, Now);

        Assert.Throws<IncidentRuleException>(() => proposal.Approve("lee", "Lee", 1, 3, null, Now));
    }

    [Fact]
    public void Propose_TheActiveTextUnchanged_IsRefused()
    {
        var refusal = Assert.Throws<IncidentRuleException>(() =>
            PolicyProposal.Propose("text", new string('a', 64), "why", null, 1, new string('a', 64), "pat", "Pat", Now));

        Assert.Contains("nothing to change", refusal.Message);
    }

    [Fact]
    public void Reject_ByTheProposer_IsRefusedAndWithdrawByAnotherIsToo()
    {
        var proposal = Proposed("pat");

        Assert.Throws<IncidentRuleException>(() => proposal.Reject("pat", "Pat", "changed my mind", Now));
        Assert.Throws<IncidentRuleException>(() => proposal.Withdraw("kim", "Kim", null, Now));
    }

    private static PolicyProposal Proposed(string by) =>
        PolicyProposal.Propose("new text", new string('b', 64), "contractors were targeted", null, 1, new string('a', 64), by, by, Now);
}
