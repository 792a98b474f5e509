using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Cases;

public sealed class CaseServiceTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;

    private CaseService Cases => _harness.Get<CaseService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Open_StandardAccount_IsVerifyingUnderTheActivePolicyWithAnAuditEntry()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);

        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));

        var details = await Cases.GetAsync(_dana, id);
        Assert.Equal(CaseStatus.Verifying, details.Case.Status);
        Assert.Equal("standard", details.Case.TierId);
        Assert.Equal(1, details.Case.PolicyVersion);
        Assert.NotEmpty(details.Case.Steps);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.CaseId == id && e.Action == "case.opened"));
    }

    [Fact]
    public async Task Open_ASecondCaseForTheSameAccountAndAction_IsRefusedWithTheExistingCase()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var first = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));

        var conflict = await Assert.ThrowsAsync<OpenCaseConflictException>(() =>
            Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-2")));

        Assert.Equal(first, conflict.ExistingCaseId);
    }

    [Fact]
    public async Task Open_AnotherActionForTheSameAccount_IsAllowed()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));

        var second = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.Unlock, RequestChannel.Phone, "INC-2"));

        Assert.NotEqual(Guid.Empty, second);
    }

    [Fact]
    public async Task Open_VendorAgentOnAPrivilegedAccount_IsRefusedWithTheReasonAndAudited()
    {
        var vik = await VendorAgentAsync();
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.DomainAdmin);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Cases.OpenAsync(vik, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-3")));

        Assert.Contains("privileged", refusal.Message, StringComparison.OrdinalIgnoreCase);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectId == subjectId && e.Outcome == "refused" && e.ActorId == "vik"));
        Assert.False(await db.RecoveryCases.AnyAsync(c => c.SubjectId == subjectId));
    }

    [Fact]
    public async Task Open_ByAnAuditor_IsRefused()
    {
        var ari = await _harness.StaffAsync("ari", Roles.Auditor);
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);

        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Cases.OpenAsync(ari, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-4")));
    }

    [Fact]
    public async Task Open_ByAnAgentWhoseRoleWasRemovedSinceSignIn_IsRefused()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        await using (var db = await _harness.DbAsync())
        {
            var staff = await db.Staff.SingleAsync(s => s.SubjectId == "dana");
            staff.Roles = Roles.Auditor;
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-5")));
    }

    [Fact]
    public async Task Open_WithoutATicketReference_IsRefused()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, " ")));

        Assert.Equal("A ticket reference is required.", refusal.Message);
    }

    [Fact]
    public async Task Freeze_SuspectedSocialEngineering_FreezesAndProtectsTheAccount()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-6"));

        await Cases.FreezeAsync(_dana, id, "caller could not say which team they are in");

        var details = await Cases.GetAsync(_dana, id);
        Assert.Equal(CaseStatus.Frozen, details.Case.Status);
        Assert.NotNull(details.Protection);
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.MfaReset, RequestChannel.Phone, "INC-7")));
        Assert.Contains("protected", refusal.Message);
    }

    [Fact]
    public async Task Freeze_WithoutAReason_IsRefused()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-8"));

        await Assert.ThrowsAsync<CaseRuleException>(() => Cases.FreezeAsync(_dana, id, "  "));
    }

    [Fact]
    public async Task Release_ByTheAgent_IsRefused()
    {
        var id = await FrozenCaseAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => Cases.ReleaseAsync(_dana, id, "checked with the manager", liftProtection: true));
    }

    [Fact]
    public async Task Release_ByASecurityLead_ClosesTheCaseAndLiftsProtection_AndANewCaseIsSteppedUp()
    {
        var lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        var id = await FrozenCaseAsync();

        await Cases.ReleaseAsync(lee, id, "the real employee called back from the office", liftProtection: true);
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var next = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-10"));

        Assert.Equal(CaseStatus.Abandoned, (await Cases.GetAsync(lee, id)).Case.Status);
        var stepped = await Cases.GetAsync(_dana, next);
        Assert.Equal("elevated", stepped.Case.TierId);
        Assert.Contains(stepped.Case.Signals, s => s.RuleId == "recent-freeze");
    }

    [Fact]
    public async Task Get_AnotherAgentsCase_IsRefused()
    {
        var other = await _harness.StaffAsync("other-agent", Roles.Agent);
        var id = await FrozenCaseAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => Cases.GetAsync(other, id));
    }

    [Fact]
    public async Task Submit_WithAStepStillPending_IsRefusedAndAudited()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.FinanceApprover);
        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.MfaReset, RequestChannel.Phone, "INC-11"));

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Cases.SubmitForApprovalAsync(_dana, id));

        Assert.Equal("Every step of the script must pass first.", refusal.Message);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.CaseId == id && e.Action == "case.submit" && e.Outcome == "refused"));
    }

    [Fact]
    public async Task Refresh_AfterTheContactOfRecordChangedMidCase_RaisesTheTierAndAddsSteps()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-12"));
        await using (var db = await _harness.DbAsync())
        {
            var phone = await db.DemoContacts.FirstAsync(c => c.AccountId == subjectId);
            phone.ChangedAt = _harness.Time.GetUtcNow().AddHours(-1);
            await db.SaveChangesAsync();
        }

        await Cases.RefreshAsync(_dana, id);

        var details = await Cases.GetAsync(_dana, id);
        Assert.Equal("elevated", details.Case.TierId);
        Assert.Contains(details.Case.Signals, s => s.RuleId == "contact-changed");
        Assert.Contains(details.Case.Steps, s => s.AddedOnReevaluation);
        await using var check = await _harness.DbAsync();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.CaseId == id && e.Action == "case.stepped-up"));
    }

    private async Task<Guid> FrozenCaseAsync()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-9"));
        await Cases.FreezeAsync(_dana, id, "story did not add up");
        return id;
    }

    private async Task<StaffActor> VendorAgentAsync()
    {
        var vik = await _harness.StaffAsync("vik", Roles.Agent);
        await using var db = await _harness.DbAsync();
        var staff = await db.Staff.SingleAsync(s => s.SubjectId == "vik");
        staff.IsVendor = true;
        await db.SaveChangesAsync();
        return vik with { IsVendor = true, VendorName = "Acme Outsourcing" };
    }
}
