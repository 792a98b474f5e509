using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Execution;
using ResetConsole.Features.Security;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Security;

// The trend charts: counts kept as changes commit, read back per day and per key by the trend queries.
public sealed class TrendServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Day1 = new(2026, 11, 2);

    private ServiceHarness _harness = default!;
    private StaffActor _ari = default!;

    private TrendService Trends => _harness.Get<TrendService>();

    private DateOnly Today => DateOnly.FromDateTime(_harness.Time.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ResetsPerDay_AreSeriesPerKeyAlignedWithTheRangesDays()
    {
        await TallyAsync(
            (Day1, DailyTally.ResetByTier, "Standard", 2),
            (Day1.AddDays(2), DailyTally.ResetByTier, "Elevated", 1),
            (Day1.AddDays(-1), DailyTally.ResetByTier, "Standard", 5),
            (Day1.AddDays(3), DailyTally.ResetByTier, "Standard", 7),
            (Day1, DailyTally.ResetByChannel, "Phone", 2));

        var trends = await Trends.ReadAsync(_ari, Day1, Day1.AddDays(2));

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], trends.Days);
        Assert.Equal([("Elevated", new[] { 0, 0, 1 }), ("Standard", new[] { 2, 0, 0 })], trends.ResetsByTier.Select(s => (s.Name, s.Counts)).ToArray());
        Assert.Equal([("Phone", new[] { 2, 0, 0 })], trends.ResetsByChannel.Select(s => (s.Name, s.Counts)).ToArray());
    }

    [Fact]
    public async Task ApprovalTimings_AverageTheSecondsAndCountThoseWithinTheSla()
    {
        await TallyAsync(
            (Day1, DailyTally.ApprovalDecided, "Supervisor", 2), (Day1, DailyTally.ApprovalWithinSla, "Supervisor", 1), (Day1, DailyTally.ApprovalSeconds, "Supervisor", 2400));

        var timing = Assert.Single((await Trends.ReadAsync(_ari, Day1, Day1)).ApprovalTimings);

        Assert.Equal(("Supervisor", 2, 1, 20.0, 0.5), (timing.Queue, timing.Decisions, timing.WithinSla, timing.AverageMinutes, timing.WithinSlaShare));
    }

    [Fact]
    public async Task AJourney_IsCountedAsItHappens()
    {
        // An elevated MFA reset: two wrong codes then the right one, the push waived by an exception, a supervisor's
        // approval, then the reset; and a privileged case opened alongside.
        var dana = await _harness.StaffAsync("dana", Roles.Agent);
        var lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        var sam = await _harness.StaffAsync("sam", Roles.Supervisor);
        var directory = _harness.Get<IDirectoryConnector>();
        var cases = _harness.Get<CaseService>();
        var verification = _harness.Get<VerificationService>();
        var exceptions = _harness.Get<ExceptionService>();
        var subject = await directory.FindByUsernameAsync(DemoAccounts.ExecutiveAbroad) ?? throw new InvalidOperationException();
        var caseId = await cases.OpenAsync(dana, new OpenCaseRequest(subject.Id, RequestedAction.MfaReset, RequestChannel.Phone, "INC-T1"));
        var opened = await CaseAsync(caseId);
        var code = opened.Steps.Single(s => s.Allows(StepKind.OneTimeCode)).Id;
        await verification.SendCodeAsync(dana, caseId, code, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        await verification.CheckCodeAsync(dana, caseId, code, "00000000");
        await verification.CheckCodeAsync(dana, caseId, code, "11111111");
        await verification.CheckCodeAsync(dana, caseId, code, await _harness.LastCodeToAsync(subject.Id));
        var waiver = await exceptions.RequestAsync(dana, caseId, opened.Steps.Single(s => s.Allows(StepKind.Push)).Id, "enrolled-device-unavailable", "abroad", "booking");
        await exceptions.GrantAsync(lee, waiver, TimeSpan.FromHours(1), null);
        await cases.SubmitForApprovalAsync(dana, caseId);
        _harness.Time.Advance(TimeSpan.FromMinutes(6));
        var review = await _harness.Get<ApprovalService>().ReviewAsync(sam, caseId);
        await _harness.Get<ApprovalService>().DecideAsync(sam, caseId, true, null, review.Hash);
        await _harness.Get<ExecutionService>().ExecuteAsync(dana, caseId);
        var admin = await directory.FindByUsernameAsync(DemoAccounts.DomainAdmin) ?? throw new InvalidOperationException();
        await cases.OpenAsync(dana, new OpenCaseRequest(admin.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-T2"));

        var trends = await Trends.ReadAsync(_ari, Today, Today);

        var rate = Assert.Single(trends.FailureRates); // the waived push is not a verification result
        Assert.Equal(("OneTimeCode", 1, 2), (rate.StepKind, rate.Passed, rate.Failed));
        Assert.Equal([("Elevated", new[] { 1 })], trends.ResetsByTier.Select(s => (s.Name, s.Counts)).ToArray());
        Assert.Equal([("Phone", new[] { 1 })], trends.ResetsByChannel.Select(s => (s.Name, s.Counts)).ToArray());
        var timing = Assert.Single(trends.ApprovalTimings);
        Assert.Equal(("Supervisor", 1, 1, 6.0), (timing.Queue, timing.Decisions, timing.WithinSla, timing.AverageMinutes));
        Assert.Equal([new NamedCount("dana", 2)], trends.TopAgents);
        Assert.Equal([new VendorShare("Privileged", 1, 0)], trends.VendorShares);
        Assert.Equal([new NamedCount("Enrolled device unavailable", 1)], trends.ExceptionsByType);
        Assert.Equal([new NamedCount("lee", 1)], trends.ExceptionsByGranter);
        Assert.Empty((await Trends.ReadAsync(_ari, Today.AddDays(1), Today.AddDays(1))).FailureRates);
    }

    [Fact]
    public async Task Exceptions_AreCountedByTypeAndGranter_LargestFirst()
    {
        await TallyAsync(
            (Day1, DailyTally.ExceptionGrantedType, "Enrolled device unavailable", 2), (Day1, DailyTally.ExceptionGrantedType, "Manager unreachable", 1),
            (Day1, DailyTally.ExceptionGrantedBy, "Lee", 2), (Day1, DailyTally.ExceptionGrantedBy, "Kim", 1));

        var trends = await Trends.ReadAsync(_ari, Day1, Day1);

        Assert.Equal([new NamedCount("Enrolled device unavailable", 2), new NamedCount("Manager unreachable", 1)], trends.ExceptionsByType);
        Assert.Equal([new NamedCount("Lee", 2), new NamedCount("Kim", 1)], trends.ExceptionsByGranter);
    }

    [Fact]
    public async Task TopAgents_AreTheTenWithTheMostCases()
    {
        await TallyAsync([.. Enumerable.Range(1, 12).Select(i => (Day1, DailyTally.OpenedBy, $"Agent {i:00}", (long)i))]);

        var top = (await Trends.ReadAsync(_ari, Day1, Day1)).TopAgents;

        Assert.Equal(TrendService.TopAgentCount, top.Count);
        Assert.Equal(new NamedCount("Agent 12", 12), top[0]);
        Assert.DoesNotContain(top, n => n.Name is "Agent 01" or "Agent 02");
    }

    [Fact]
    public async Task Read_ForAnAgent_IsRefused()
    {
        var dana = await _harness.StaffAsync("dana", Roles.Agent);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Trends.ReadAsync(dana, Day1, Day1));
    }

    [Fact]
    public async Task Tally_OneCallWithRepeatedKeys_AddsToWhatIsThere()
    {
        await TallyAsync((Day1, DailyTally.ResetByTier, "Standard", 4));

        await TallyAsync(
            (Day1, DailyTally.ResetByTier, "Standard", 2), (Day1, DailyTally.ResetByTier, "Standard", 3),
            (Day1, DailyTally.ResetByTier, "Elevated", 1), (Day1.AddDays(1), DailyTally.ResetByTier, "Standard", 6));
        await TallyAsync();

        var trends = await Trends.ReadAsync(_ari, Day1, Day1.AddDays(1));
        Assert.Equal([("Elevated", new[] { 1, 0 }), ("Standard", new[] { 9, 6 })], trends.ResetsByTier.Select(s => (s.Name, s.Counts)).ToArray());
    }

    [Fact]
    public async Task Read_MoreThanTheLimit_IsRefusedWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Trends.ReadAsync(_ari, Day1, Day1.AddDays(TrendService.MaxDays)));

        Assert.StartsWith($"Choose at most {TrendService.MaxDays} days.", error.Message);
    }

    private async Task TallyAsync(params (DateOnly Day, string Metric, string Key, long Value)[] counts)
    {
        await using var db = await _harness.DbAsync();
        await DailyTally.AddAsync(db, counts.Select(c => (c.Day.DayNumber, c.Metric, c.Key, c.Value)), default);
    }

    private async Task<RecoveryCase> CaseAsync(Guid caseId)
    {
        await using var db = await _harness.DbAsync();
        return await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }
}
