using System.Text.Json;
using System.Text.RegularExpressions;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Tests.Unit.Directory;

public class DemoDirectoryDataTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly IReadOnlyList<Subject> _subjects = DemoDirectoryData.Generate(Now);

    private IEnumerable<Subject> Humans => _subjects.Where(s => !s.IsNonHuman);

    private IEnumerable<Subject> Services => _subjects.Where(s => s.IsNonHuman);

    public static TheoryData<string> WellKnownUsernames => [.. DemoAccounts.All];

    [Fact]
    public void Generate_AnyNow_ReturnsBetween250And400Accounts()
    {
        Assert.InRange(_subjects.Count, 250, 400);
    }

    [Fact]
    public void Generate_AnyNow_UsernamesAreUnique()
    {
        var usernames = _subjects.Select(s => s.Username).ToList();

        Assert.Equal(usernames.Count, usernames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Generate_AnyNow_IdsAreUnique()
    {
        Assert.Equal(_subjects.Count, _subjects.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_AnyNow_EveryManagerIdExists()
    {
        var ids = _subjects.Select(s => s.Id).ToHashSet();

        Assert.All(_subjects.Where(s => s.ManagerId is not null), s => Assert.Contains(s.ManagerId!, ids));
    }

    [Fact]
    public void Generate_AnyNow_ManagerNameMatchesManager()
    {
        var byId = _subjects.ToDictionary(s => s.Id);

        Assert.All(_subjects.Where(s => s.ManagerId is not null),
            s => Assert.Equal(byId[s.ManagerId!].DisplayName, s.ManagerName));
    }

    [Fact]
    public void Generate_AnyNow_OnlyTheCeoHasNoManagerAmongHumans()
    {
        var withoutManager = Humans.Where(s => s.ManagerId is null).ToList();

        Assert.Equal(DemoAccounts.Ceo, Assert.Single(withoutManager).Username);
    }

    [Fact]
    public void Generate_SameNow_ReturnsSameAccounts()
    {
        var again = DemoDirectoryData.Generate(Now);

        Assert.Equal(JsonSerializer.Serialize(_subjects), JsonSerializer.Serialize(again));
    }

    [Theory]
    [MemberData(nameof(WellKnownUsernames))]
    public void Generate_WellKnownUsername_AccountExists(string username)
    {
        Assert.Single(_subjects, s => s.Username == username);
    }

    [Fact]
    public void Generate_StandardEmployee_IsEngineeringEmployeeWithPushAndTotp()
    {
        var alex = Get(DemoAccounts.StandardEmployee);

        Assert.Equal((SubjectKind.Employee, "Engineering"), (alex.Kind, alex.Department));
        Assert.Equal([AuthenticatorKind.Push, AuthenticatorKind.Totp], alex.Authenticators.Select(a => a.Kind));
    }

    [Fact]
    public void Generate_StandardEmployee_HasTwoSessions()
    {
        Assert.Equal(2, Get(DemoAccounts.StandardEmployee).Sessions.Count);
    }

    [Fact]
    public void Generate_StandardEmployee_ReportsToTeamLead()
    {
        var lead = Get(DemoAccounts.TeamLead);

        Assert.Equal(lead.Id, Get(DemoAccounts.StandardEmployee).ManagerId);
    }

    [Fact]
    public void Generate_TeamLead_IsStandardEmployee()
    {
        var sam = Get(DemoAccounts.TeamLead);

        Assert.Equal(SubjectKind.Employee, sam.Kind);
        Assert.Empty(sam.AdminRoles);
    }

    [Fact]
    public void Generate_Contractor_HasContractorKindGroupAndEmployeeId()
    {
        var jamie = Get(DemoAccounts.Contractor);

        Assert.Equal(SubjectKind.Contractor, jamie.Kind);
        Assert.Contains("Contractors", jamie.Groups);
        Assert.StartsWith("C", jamie.EmployeeId);
    }

    [Fact]
    public void Generate_FinanceApprover_IsEmployeeInFinanceApproversAndPayroll()
    {
        var fiona = Get(DemoAccounts.FinanceApprover);

        Assert.Equal(SubjectKind.Employee, fiona.Kind);
        Assert.Contains("Finance Approvers", fiona.Groups);
        Assert.Contains("Payroll", fiona.Groups);
    }

    [Fact]
    public void Generate_Ceo_IsExecutiveWithoutManager()
    {
        var elena = Get(DemoAccounts.Ceo);

        Assert.Equal(SubjectKind.Executive, elena.Kind);
        Assert.Null(elena.ManagerId);
    }

    [Fact]
    public void Generate_OtherExecutives_ReportToCeo()
    {
        var ceo = Get(DemoAccounts.Ceo);

        Assert.All(_subjects.Where(s => s.Kind == SubjectKind.Executive && s.Id != ceo.Id),
            s => Assert.Equal(ceo.Id, s.ManagerId));
    }

    [Fact]
    public void Generate_ExecutiveAbroad_IsInSingaporeWithoutAuthenticators()
    {
        var omar = Get(DemoAccounts.ExecutiveAbroad);

        Assert.Equal(SubjectKind.Executive, omar.Kind);
        Assert.Equal("Singapore", omar.Attributes["location"]);
        Assert.Empty(omar.Authenticators);
    }

    [Fact]
    public void Generate_DomainAdmin_IsInDomainAdminsReportingToItDirector()
    {
        var raj = Get(DemoAccounts.DomainAdmin);
        var manager = _subjects.Single(s => s.Id == raj.ManagerId);

        Assert.Contains("Domain Admins", raj.Groups);
        Assert.Equal(("IT", "Director of IT"), (manager.Department, manager.Title));
    }

    [Fact]
    public void Generate_AnyNow_DomainAdminsAreTwoOrThreeAdmPrefixedAccounts()
    {
        var domainAdmins = _subjects.Where(s => s.Groups.Contains("Domain Admins")).ToList();

        Assert.InRange(domainAdmins.Count, 2, 3);
        Assert.All(domainAdmins, s => Assert.StartsWith("adm.", s.Username));
    }

    [Fact]
    public void Generate_AnyNow_HasOneEnterpriseAdmin()
    {
        Assert.Single(_subjects, s => s.Groups.Contains("Enterprise Admins"));
    }

    [Fact]
    public void Generate_AnyNow_HasOnePrivilegedRoleAdministrator()
    {
        Assert.Single(_subjects, s => s.AdminRoles.Contains("Privileged Role Administrator"));
    }

    [Fact]
    public void Generate_GlobalAdmin_HasGlobalAdministratorRole()
    {
        Assert.Contains("Global Administrator", Get(DemoAccounts.GlobalAdmin).AdminRoles);
    }

    [Fact]
    public void Generate_PayrollSyncService_IsOwnedByFinanceApprover()
    {
        var service = Get(DemoAccounts.PayrollSyncService);

        Assert.Equal(SubjectKind.Service, service.Kind);
        Assert.Equal(Get(DemoAccounts.FinanceApprover).Id, service.OwnerId);
    }

    [Fact]
    public void Generate_BuildAgentService_IsOwnedByEngineeringLead()
    {
        var owner = _subjects.Single(s => s.Id == Get(DemoAccounts.BuildAgentService).OwnerId);

        Assert.Equal("Engineering", owner.Department);
        Assert.Contains(_subjects, s => s.ManagerId == owner.Id);
    }

    [Fact]
    public void Generate_PhoneRecentlyChanged_PhoneChangedExactlyThreeDaysAgo()
    {
        var phone = Get(DemoAccounts.PhoneRecentlyChanged).Contacts.Single(c => c.Kind == ContactKind.Phone);

        Assert.Equal(Now.AddDays(-3), phone.ChangedAt);
    }

    [Fact]
    public void Generate_AnyNow_OnlyOnePhoneChangedWithinThirtyDays()
    {
        var recent = _subjects.Where(s => s.Contacts.Any(c => c.Kind == ContactKind.Phone && c.ChangedWithin(TimeSpan.FromDays(30), Now)));

        Assert.Equal(DemoAccounts.PhoneRecentlyChanged, Assert.Single(recent).Username);
    }

    [Fact]
    public void Generate_Locked_IsTheOnlyLockedAccount()
    {
        Assert.Equal(DemoAccounts.Locked, Assert.Single(_subjects, s => s.IsLocked).Username);
    }

    [Fact]
    public void Generate_NoEnrolledDevice_HasNoAuthenticators()
    {
        var priya = Get(DemoAccounts.NoEnrolledDevice);

        Assert.Equal(SubjectKind.Employee, priya.Kind);
        Assert.Empty(priya.Authenticators);
    }

    [Fact]
    public void Generate_ResetYesterday_LastResetOneDayBeforeNow()
    {
        Assert.Equal(Now.AddDays(-1), Get(DemoAccounts.ResetYesterday).LastCredentialResetAt);
    }

    [Fact]
    public void Generate_EveryHuman_HasWorkEmailAndFictionalPhone()
    {
        var phone = new Regex(@"^(\+44 7700 900\d{3}|\+1 \d{3} 555 01\d{2})$");

        Assert.All(Humans, s =>
        {
            Assert.Matches(@"^[a-z]+\.[a-z]+\d*@northwind\.example$", s.Contacts.Single(c => c.Kind == ContactKind.Email).Value);
            Assert.Matches(phone, s.Contacts.Single(c => c.Kind == ContactKind.Phone).Value);
        });
    }

    [Fact]
    public void Generate_EveryHuman_HasOneToFourSessionsBeforeNow()
    {
        Assert.All(Humans, s =>
        {
            Assert.InRange(s.Sessions.Count, 1, 4);
            Assert.All(s.Sessions, session => Assert.InRange(session.LastSeenAt, session.StartedAt, Now));
        });
    }

    [Fact]
    public void Generate_EveryServiceAccount_HasExistingHumanOwner()
    {
        var humanIds = Humans.Select(s => s.Id).ToHashSet();

        Assert.All(Services, s =>
        {
            Assert.Contains(s.OwnerId!, humanIds);
            Assert.False(string.IsNullOrEmpty(s.OwnerName));
        });
    }

    [Fact]
    public void Generate_EveryServiceAccount_HasSvcUsernameAndNoAuthenticators()
    {
        Assert.All(Services, s =>
        {
            Assert.StartsWith("svc-", s.Username);
            Assert.Empty(s.Authenticators);
        });
    }

    [Fact]
    public void Generate_AnyNow_ContactValuesNeverContainMaskDot()
    {
        Assert.All(_subjects.SelectMany(s => s.Contacts), c => Assert.DoesNotContain('•', c.Value));
    }

    private Subject Get(string username) => _subjects.Single(s => s.Username == username);
}
