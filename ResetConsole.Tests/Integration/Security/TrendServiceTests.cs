using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Security;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Security;

// The trend charts' aggregate queries, run by SQLite over rows with known times.
public sealed class TrendServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Day1 = new(2026, 11, 2);
    private static readonly DateTimeOffset Midnight1 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private ServiceHarness _harness = default!;
    private StaffActor _ari = default!;

    private TrendService Trends => _harness.Get<TrendService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(365)]
    [InlineData(20_000)]
    public void StoredTime_GrowsLinearlyWithTime(int days)
    {
        var origin = new DateTimeOffset(2026, 3, 29, 0, 59, 59, TimeSpan.Zero);

        Assert.Equal(StoredTime.Encode(origin) + (days * StoredTime.PerDay), StoredTime.Encode(origin.AddDays(days)));
    }

    [Fact]
    public async Task ResetsPerDay_CountsExecutionsByDayAndTierAndChannel()
    {
        await SeedAsync(
            Case("Standard", RequestChannel.Phone, executedAt: Midnight1.AddMinutes(1)),
            Case("Standard", RequestChannel.Chat, executedAt: Midnight1.AddHours(23).AddMinutes(59)),
            Case("Elevated", RequestChannel.Phone, executedAt: Midnight1.AddDays(2).AddHours(9)),
            Case("Standard", RequestChannel.Phone, executedAt: Midnight1.AddDays(-1).AddHours(23)), // before the range
            Case("Standard", RequestChannel.Phone, executedAt: null)); // never executed

        var trends = await Trends.ReadAsync(_ari, Day1, Day1.AddDays(2));

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], trends.Days);
        Assert.Equal([("Elevated", new[] { 0, 0, 1 }), ("Standard", new[] { 2, 0, 0 })], trends.ResetsByTier.Select(s => (s.Name, s.Counts)).ToArray());
        Assert.Equal([("Chat", new[] { 1, 0, 0 }), ("Phone", new[] { 1, 0, 1 })], trends.ResetsByChannel.Select(s => (s.Name, s.Counts)).ToArray());
    }

    [Fact]
    public async Task FailureRates_CountResultsAsTheyAreRecorded_LeavingOutWaivers()
    {
        var dana = await _harness.StaffAsync("dana", Roles.Agent);
        var lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        var directory = _harness.Get<IDirectoryConnector>();
        var verification = _harness.Get<VerificationService>();
        var exceptions = _harness.Get<ExceptionService>();
        var subject = await directory.FindByUsernameAsync(DemoAccounts.ExecutiveAbroad) ?? throw new InvalidOperationException();
        var caseId = await _harness.Get<CaseService>().OpenAsync(dana, new OpenCaseRequest(subject.Id, RequestedAction.MfaReset, RequestChannel.Phone, "INC-T1"));
        RecoveryCase opened;
        await using (var db = await _harness.DbAsync())
        {
            opened = await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        }

        var code = opened.Steps.Single(s => s.Allows(StepKind.OneTimeCode)).Id;
        await verification.SendCodeAsync(dana, caseId, code, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        await verification.CheckCodeAsync(dana, caseId, code, "00000000");
        await verification.CheckCodeAsync(dana, caseId, code, "11111111");
        await verification.CheckCodeAsync(dana, caseId, code, await _harness.LastCodeToAsync(subject.Id));
        var waiver = await exceptions.RequestAsync(dana, caseId, opened.Steps.Single(s => s.Allows(StepKind.Push)).Id, "enrolled-device-unavailable", "abroad", "booking");
        await exceptions.GrantAsync(lee, waiver, TimeSpan.FromHours(1), null);
        var today = DateOnly.FromDateTime(_harness.Time.GetUtcNow().UtcDateTime);

        var trends = await Trends.ReadAsync(_ari, today, today);

        var rate = Assert.Single(trends.FailureRates);
        Assert.Equal(("OneTimeCode", 1, 2), (rate.StepKind, rate.Passed, rate.Failed));
        Assert.Equal(2.0 / 3, rate.Rate, 3);
        Assert.Empty((await Trends.ReadAsync(_ari, today.AddDays(1), today.AddDays(1))).FailureRates);
    }

    [Fact]
    public async Task ApprovalTimings_CompareEachDecisionWithItsDueTime()
    {
        var quick = Case("Elevated", RequestChannel.Phone, executedAt: null, queue: ApprovalQueue.Supervisor);
        quick.Decisions.Add(Decision(quick, quick.SubmittedAt!.Value.AddMinutes(10)));
        var slow = Case("Elevated", RequestChannel.Phone, executedAt: null, queue: ApprovalQueue.Supervisor);
        slow.Decisions.Add(Decision(slow, slow.SubmittedAt!.Value.AddMinutes(30)));
        await SeedAsync(quick, slow);

        var trends = await Trends.ReadAsync(_ari, Day1, Day1);

        var timing = Assert.Single(trends.ApprovalTimings);
        Assert.Equal(("Supervisor", 2, 1), (timing.Queue, timing.Decisions, timing.WithinSla));
        Assert.Equal(20, timing.AverageMinutes, 1);
    }

    [Fact]
    public async Task Exceptions_AreCountedByTypeAndGranter_OnlyWhenGranted()
    {
        await SeedAsync(Case("Elevated", RequestChannel.Phone, executedAt: null));
        await using (var db = await _harness.DbAsync())
        {
            db.ExceptionGrants.AddRange(
                Grant("Enrolled device unavailable", "Lee", ExceptionStatus.Expired),
                Grant("Enrolled device unavailable", "Kim", ExceptionStatus.Active),
                Grant("Manager unreachable", "Lee", ExceptionStatus.Revoked),
                Grant("Manager unreachable", "Lee", ExceptionStatus.Denied));
            await db.SaveChangesAsync();
        }

        var trends = await Trends.ReadAsync(_ari, Day1, Day1);

        Assert.Equal([new NamedCount("Enrolled device unavailable", 2), new NamedCount("Manager unreachable", 1)], trends.ExceptionsByType);
        Assert.Equal([new NamedCount("Lee", 2), new NamedCount("Kim", 1)], trends.ExceptionsByGranter);
    }

    [Fact]
    public async Task TopAgentsAndVendorShare_ComeFromCasesOpenedInTheRange()
    {
        await SeedAsync(
            Case("Privileged", RequestChannel.Phone, executedAt: null, queue: ApprovalQueue.Security, agent: "Dana"),
            Case("Privileged", RequestChannel.Phone, executedAt: null, queue: ApprovalQueue.Security, agent: "Vik", vendor: "Contoso Support"),
            Case("Standard", RequestChannel.Phone, executedAt: null, agent: "Dana"));

        var trends = await Trends.ReadAsync(_ari, Day1, Day1);

        Assert.Equal([new NamedCount("Dana", 2), new NamedCount("Vik", 1)], trends.TopAgents);
        var share = Assert.Single(trends.VendorShares);
        Assert.Equal(("Privileged", 2, 1), (share.Tier, share.Cases, share.ByVendor));
    }

    [Fact]
    public async Task Read_ForAnAgent_IsRefused()
    {
        var dana = await _harness.StaffAsync("dana", Roles.Agent);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Trends.ReadAsync(dana, Day1, Day1));
    }

    [Fact]
    public async Task Read_MoreThanTheLimit_IsRefusedWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Trends.ReadAsync(_ari, Day1, Day1.AddDays(TrendService.MaxDays)));

        Assert.StartsWith($"Choose at most {TrendService.MaxDays} days.", error.Message);
    }

    private async Task SeedAsync(params RecoveryCase[] cases)
    {
        await using var db = await _harness.DbAsync();
        db.RecoveryCases.AddRange(cases);
        await db.SaveChangesAsync();
    }

    private static int _counter;

    private static RecoveryCase Case(string tier, RequestChannel channel, DateTimeOffset? executedAt, ApprovalQueue queue = ApprovalQueue.None, string agent = "Dana", string? vendor = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var openedAt = Midnight1.AddHours(8).AddMinutes(n);
        return new RecoveryCase
        {
            Id = Guid.NewGuid(),
            TicketReference = $"INC-{n}",
            Channel = channel,
            RequestedAction = RequestedAction.PasswordReset,
            EffectiveAction = RequestedAction.PasswordReset,
            SubjectId = $"u-{n}",
            SubjectUsername = $"user{n}",
            SubjectDisplayName = $"User {n}",
            SubjectKind = SubjectKind.Employee,
            OpenedById = agent.ToLowerInvariant(),
            OpenedByName = agent,
            OpenedByVendor = vendor,
            TierId = tier.ToLowerInvariant(),
            TierName = tier,
            BaseTierId = "standard",
            PolicyVersion = 1,
            ApprovalQueue = queue,
            Status = executedAt is null ? CaseStatus.Verifying : CaseStatus.Completed,
            OpenedAt = openedAt,
            UpdatedAt = openedAt,
            SubmittedAt = openedAt.AddMinutes(5),
            ApprovalDueAt = openedAt.AddMinutes(20),
            ExecutionStartedAt = executedAt,
        };
    }

    private static ApprovalDecision Decision(RecoveryCase recoveryCase, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = recoveryCase.Id,
        ApproverId = "sam",
        ApproverName = "Sam",
        ApproverRoles = "Supervisor",
        Approved = true,
        RequestHash = new string('0', 64),
        DecidedAt = at,
    };

    private static ExceptionGrant Grant(string type, string granter, ExceptionStatus status) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = Guid.NewGuid(),
        CaseReference = "RC-1",
        SubjectId = "u-1",
        SubjectDisplayName = "User",
        TierId = "elevated",
        TypeId = type.ToLowerInvariant().Replace(' ', '-'),
        TypeTitle = type,
        StepDescription = "push",
        Status = status,
        Reason = "abroad",
        Evidence = "booking",
        RequestedById = "dana",
        RequestedByName = "Dana",
        RequestedAt = Midnight1.AddHours(9),
        DecidedById = granter.ToLowerInvariant(),
        DecidedByName = granter,
        DecidedAt = Midnight1.AddHours(10),
    };
}
