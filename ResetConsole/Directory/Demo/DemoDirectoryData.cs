using System.Globalization;
using System.Text;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Demo;

/// <summary>
/// The demo directory: about 320 accounts of the fictional Northwind organisation. The same <c>now</c> always gives
/// the same accounts; the well-known ones in <see cref="DemoAccounts"/> carry the properties the scenarios need.
/// </summary>
public static class DemoDirectoryData
{
    private const int Seed = 20_251_104;
    private const string EmailDomain = "northwind.example";
    private const string AdminPrefix = "adm.";

    private static readonly Department[] Departments =
    [
        new("Engineering", "Engineering", "CC-4100", "Engineering", "Chief Technology Officer", "VP Engineering",
            ["Team Lead, Identity Platform", "Team Lead, Build & Release", "Engineering Manager, Payments",
             "Engineering Manager, Mobile", "Team Lead, Data Platform"],
            ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "QA Engineer",
             "Site Reliability Engineer", "Data Engineer", "Mobile Developer"],
            Staff: 80, Contractors: 10),
        new("Sales", "Sales", "CC-2100", "Sales", "Chief Revenue Officer", "VP Sales",
            ["Sales Manager, EMEA", "Sales Manager, North America", "Sales Manager, Enterprise"],
            ["Account Executive", "Senior Account Executive", "Sales Development Representative",
             "Solutions Consultant", "Customer Success Manager"],
            Staff: 50, Contractors: 0),
        new("HR", "HR", "CC-6100", "HR", "Chief People Officer", "Head of People",
            ["HR Business Partner Lead"],
            ["HR Business Partner", "Recruiter", "Talent Acquisition Specialist", "HR Coordinator"],
            Staff: 14, Contractors: 0),
        new("Finance", null, "CC-7100", "Finance", "Chief Financial Officer", "Finance Director",
            ["Finance Manager, Payables", "Financial Planning Manager"],
            ["Accountant", "Senior Accountant", "Financial Analyst", "Accounts Payable Specialist", "Treasury Analyst"],
            Staff: 18, Contractors: 0),
        new("Payroll", "Payroll", "CC-7200", "Finance", null, "Payroll Manager",
            ["Payroll Team Lead"],
            ["Payroll Specialist", "Payroll Administrator", "Benefits Analyst"],
            Staff: 10, Contractors: 0),
        new("IT", null, "CC-4500", "IT", "Chief Information Officer", "Director of IT",
            ["IT Helpdesk Lead", "Infrastructure Lead"],
            ["Service Desk Analyst", "Desktop Support Technician", "Systems Administrator", "Network Engineer",
             "Identity & Access Analyst"],
            Staff: 20, Contractors: 4),
        new("Operations", null, "CC-3100", "Operations", "Chief Operating Officer", "Director of Operations",
            ["Facilities Manager", "Procurement Manager"],
            ["Operations Analyst", "Facilities Coordinator", "Procurement Specialist", "Office Manager",
             "Logistics Coordinator"],
            Staff: 25, Contractors: 4),
        new("Legal", null, "CC-6500", "Legal", "General Counsel", "Deputy General Counsel",
            ["Senior Counsel, Contracts"],
            ["Legal Counsel", "Paralegal", "Compliance Analyst", "Privacy Officer"],
            Staff: 8, Contractors: 0),
        new("Marketing", null, "CC-2500", "Marketing", "Chief Marketing Officer", "VP Marketing",
            ["Content Marketing Manager", "Growth Marketing Manager"],
            ["Marketing Specialist", "Content Writer", "Product Marketing Manager", "Designer", "Events Coordinator"],
            Staff: 16, Contractors: 4),
    ];

    // Well-known people are placed by the generic pass; Scenarios() then gives them their special properties.
    private static readonly Dictionary<string, Name> FixedExecutives = new() { ["Operations"] = new("Omar", "Haddad") };
    private static readonly Dictionary<string, Name> FixedFirstLeads = new()
    {
        ["Engineering"] = new("Sam", "Okafor"),
        ["Finance"] = new("Fiona", "Grant"),
    };

    private static readonly Dictionary<string, Name> FixedStaff = new()
    {
        ["Engineering"] = new("Alex", "Morgan"),
        ["Sales"] = new("Tom", "Becker"),
        ["HR"] = new("Priya", "Shah"),
        ["Operations"] = new("Paul", "Reyes"),
        ["Marketing"] = new("Nora", "Quinn"),
    };

    private static readonly Dictionary<string, Name> FixedContractors = new() { ["Engineering"] = new("Jamie", "Lee") };

    private static readonly HashSet<string> HelpdeskTitles =
        ["IT Helpdesk Lead", "Service Desk Analyst", "Desktop Support Technician"];

    private static readonly ServiceSpec[] Services =
    [
        new("svc-payroll-sync", "Payroll export to the bank", "Finance", "payroll-team"),
        new("svc-build-agent", "CI build agent", "Engineering", null),
        new("svc-deploy", "Production deployment pipeline", "Engineering", "platform-team"),
        new("svc-crm-integration", "CRM to ERP integration", "Sales", "sales-ops"),
        new("svc-hr-feed", "HR system to directory feed", "HR", "people-systems"),
        new("svc-backup", "Nightly backup", "IT", "it-infrastructure"),
        new("svc-monitoring", "Infrastructure monitoring", "IT", null),
        new("svc-ldap-sync", "Directory synchronisation", "IT", "it-infrastructure"),
        new("svc-mail-relay", "Outbound mail relay", "IT", null),
        new("svc-vpn-radius", "VPN RADIUS bind", "IT", null),
        new("svc-sql-reporting", "Finance reporting database", "Finance", null),
        new("svc-expense-import", "Expense card import", "Finance", "finance-systems"),
        new("svc-marketing-analytics", "Web analytics export", "Marketing", null),
        new("svc-legal-archive", "Contract archive", "Legal", null),
        new("svc-scanner", "Office scanners scan-to-mail", "Operations", "facilities"),
    ];

    public static IReadOnlyList<Subject> Generate(DateTimeOffset now) => new Builder(now).Build();

    private readonly record struct Name(string First, string Last)
    {
        public string Display => $"{First} {Last}";

        public string Local => $"{Slug(First)}.{Slug(Last)}";

        private static string Slug(string value) => new(value.Normalize(NormalizationForm.FormD)
            .Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
    }

    private sealed record Department(
        string Name, string? Group, string CostCenter, string ExecutiveArea, string? ExecutiveTitle, string HeadTitle,
        string[] LeadTitles, string[] StaffTitles, int Staff, int Contractors);

    private sealed record ServiceSpec(string Username, string Purpose, string Department, string? Mailbox);

    private sealed record Team(Subject Head, List<Subject> Leads);

    private enum AuthProfile
    {
        Standard,
        Admin,
    }

    private sealed class Builder(DateTimeOffset now)
    {
        private static readonly HashSet<string> ReservedLocals =
            [.. DemoAccounts.All.Select(u => u.StartsWith(AdminPrefix, StringComparison.Ordinal) ? u[AdminPrefix.Length..] : u)];

        private readonly Random _rng = new(Seed);
        private readonly List<Subject> _subjects = [];
        private readonly HashSet<string> _locals = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _phones = [];
        private readonly Dictionary<string, Team> _teams = [];
        private int _employeeNumber = 10_000;
        private int _contractorNumber = 20_000;

        public IReadOnlyList<Subject> Build()
        {
            var ceo = AddHuman(new("Elena", "Vasquez"), SubjectKind.Executive, "Executive Office", "Chief Executive Officer",
                manager: null, ["Executives", "All Staff"], "CC-1000");
            var executives = Departments.Where(d => d.ExecutiveTitle is not null).ToDictionary(
                d => d.Name,
                d => AddHuman(FixedExecutives.GetValueOrDefault(d.Name, RandomName()), SubjectKind.Executive,
                    "Executive Office", d.ExecutiveTitle!, ceo, ["Executives", "All Staff"], "CC-1000"));

            foreach (var department in Departments)
            {
                AddDepartment(department, executives[department.ExecutiveArea]);
            }

            AddAdmins();
            AddServices();
            Scenarios(executives["Finance"]);
            return _subjects;
        }

        private void AddDepartment(Department d, Subject executive)
        {
            var head = AddEmployee(d, RandomName(), d.HeadTitle, executive);
            var leads = d.LeadTitles
                .Select((title, i) => AddEmployee(d, i == 0 ? FixedFirstLeads.GetValueOrDefault(d.Name, RandomName()) : RandomName(), title, head))
                .ToList();
            _teams[d.Name] = new Team(head, leads);

            if (FixedStaff.TryGetValue(d.Name, out var fixedName))
            {
                AddEmployee(d, fixedName, d.StaffTitles[0], leads.FirstOrDefault() ?? head);
            }

            while (_subjects.Count(s => s.Department == d.Name && s.Kind == SubjectKind.Employee) < 1 + leads.Count + d.Staff)
            {
                AddEmployee(d, RandomName(), Pick(d.StaffTitles), PickManager(head, leads));
            }

            for (var i = 0; i < d.Contractors; i++)
            {
                var name = i == 0 ? FixedContractors.GetValueOrDefault(d.Name, RandomName()) : RandomName();
                AddHuman(name, SubjectKind.Contractor, d.Name, $"{Pick(d.StaffTitles)} (contract)", PickManager(head, leads),
                    ["Contractors", .. OptionalGroup(d.Group)], d.CostCenter);
            }
        }

        private Subject AddEmployee(Department d, Name name, string title, Subject manager)
        {
            string[] groups = ["All Staff", .. OptionalGroup(d.Group), .. HelpdeskTitles.Contains(title) ? ["IT Helpdesk"] : Array.Empty<string>()];
            return AddHuman(name, SubjectKind.Employee, d.Name, title, manager, groups, d.CostCenter);
        }

        private void AddAdmins()
        {
            var it = _teams["IT"];
            var infrastructure = it.Leads[1];
            AddAdmin(new("Raj", "Patel"), "Senior Systems Administrator", it.Head, ["Domain Admins"], []);
            AddAdmin(RandomName(), "Systems Administrator", infrastructure, ["Domain Admins"], []);
            AddAdmin(RandomName(), "Directory Services Architect", it.Head, ["Domain Admins", "Enterprise Admins"], []);
            AddAdmin(new("Chloe", "Martin"), "Cloud Platform Administrator", it.Head, [], ["Global Administrator"]);
            AddAdmin(RandomName(), "Identity Governance Engineer", infrastructure, [], ["Privileged Role Administrator"]);
        }

        private void AddAdmin(Name name, string title, Subject manager, string[] groups, string[] roles) =>
            Replace(AddHuman(name, SubjectKind.Employee, "IT", title, manager, groups, "CC-4500", AuthProfile.Admin, AdminPrefix),
                s => s with { AdminRoles = roles });

        private void AddServices()
        {
            foreach (var spec in Services)
            {
                var team = _teams[spec.Department];
                var owner = spec.Username switch
                {
                    DemoAccounts.PayrollSyncService => Find(DemoAccounts.FinanceApprover),
                    DemoAccounts.BuildAgentService => team.Leads.Single(l => l.Title.Contains("Build", StringComparison.Ordinal)),
                    _ => PickManager(team.Head, team.Leads),
                };
                ContactOfRecord[] contacts = spec.Mailbox is null
                    ? []
                    : [ new ContactOfRecord(NextGuid(), ContactKind.Email, $"{spec.Mailbox}@{EmailDomain}", YearsAgo())];
                var host = $"NW-{spec.Department.ToUpperInvariant()[..Math.Min(3, spec.Department.Length)]}-{_rng.Next(1, 40):D2}";
                Add(new Subject
                {
                    Id = NextId(),
                    Username = spec.Username,
                    DisplayName = $"{spec.Purpose} (service)",
                    Kind = SubjectKind.Service,
                    Department = owner.Department,
                    Title = "Service account",
                    OwnerId = owner.Id,
                    OwnerName = owner.DisplayName,
                    Groups = ["Service Accounts"],
                    Attributes = new Dictionary<string, string> { ["costCenter"] = owner.Attributes["costCenter"] },
                    Contacts = contacts,
                    Sessions = Sessions(_rng.Next(1, 3), "London data centre", $"{host} (service logon)"),
                });
            }
        }

        private void Scenarios(Subject cfo)
        {
            Replace(Find(DemoAccounts.StandardEmployee), s => s with
            {
                Authenticators = [Push(), Totp()],
                Sessions = Sessions(2, s.Attributes["location"]),
            });
            Replace(Find(DemoAccounts.FinanceApprover), s => s with { Groups = ["All Staff", "Finance Approvers", "Payroll"] });
            Replace(_teams["Finance"].Head, s => s with { Groups = [.. s.Groups, "Finance Approvers"] });
            Replace(cfo, s => s with { Groups = [.. s.Groups, "Finance Approvers"] });
            Replace(Find(DemoAccounts.ExecutiveAbroad), s => s with
            {
                Attributes = new Dictionary<string, string>(s.Attributes) { ["location"] = "Singapore" },
                Authenticators = [],
                Sessions = Sessions(2, "Singapore"),
            });
            Replace(Find(DemoAccounts.PhoneRecentlyChanged), s => s with
            {
                Contacts = [.. s.Contacts.Select(c => c.Kind == ContactKind.Phone ? c with { ChangedAt = now.AddDays(-3) } : c)],
            });
            Replace(Find(DemoAccounts.Locked), s => s with { IsLocked = true });
            Replace(Find(DemoAccounts.NoEnrolledDevice), s => s with { Authenticators = [] });
            Replace(Find(DemoAccounts.ResetYesterday), s => s with { LastCredentialResetAt = now.AddDays(-1) });
        }

        private Subject AddHuman(Name name, SubjectKind kind, string department, string title, Subject? manager,
            string[] groups, string costCenter, AuthProfile auth = AuthProfile.Standard, string usernamePrefix = "")
        {
            var local = ClaimLocal(name);
            var (city, isUk) = Pick(DemoNames.Offices);
            var employeeId = kind == SubjectKind.Contractor
                ? $"C{_contractorNumber += _rng.Next(1, 30)}"
                : $"E{_employeeNumber += _rng.Next(1, 30)}";
            var employmentType = kind == SubjectKind.Contractor ? "Contractor" : _rng.Next(15) == 0 ? "Part-time" : "Full-time";
            return Add(new Subject
            {
                Id = NextId(),
                Username = usernamePrefix + local,
                DisplayName = name.Display,
                EmployeeId = employeeId,
                Kind = kind,
                Department = department,
                Title = title,
                ManagerId = manager?.Id,
                ManagerName = manager?.DisplayName,
                Groups = groups,
                Attributes = new Dictionary<string, string>
                {
                    ["location"] = city,
                    ["costCenter"] = costCenter,
                    ["employmentType"] = employmentType,
                },
                Contacts =
                [
                    new ContactOfRecord(NextGuid(), ContactKind.Email, $"{local}@{EmailDomain}", YearsAgo()),
                    new ContactOfRecord(NextGuid(), ContactKind.Phone, NewPhone(isUk), YearsAgo()),
                ],
                Authenticators = auth == AuthProfile.Admin ? AdminAuthenticators() : StandardAuthenticators(),
                Sessions = Sessions(_rng.Next(1, 5), city,
                    auth == AuthProfile.Admin ? $"Privileged access workstation PAW-{_rng.Next(1, 20):D2}" : null),
                LastCredentialResetAt = _rng.Next(5) == 0 ? now.AddDays(-_rng.Next(30, 400)) : null,
            });
        }

        private List<EnrolledAuthenticator> StandardAuthenticators() => _rng.Next(20) switch
        {
            0 => [Key(), Totp()],
            1 or 2 => [Push(), Totp(), Key()],
            _ => [Push(), Totp()],
        };

        private List<EnrolledAuthenticator> AdminAuthenticators() => [Key(), Key(" (backup)"), Push()];

        private EnrolledAuthenticator Push() => new(NextGuid(), AuthenticatorKind.Push, Pick(DemoNames.PushDevices), EnrolledAgo());

        private EnrolledAuthenticator Totp() => new(NextGuid(), AuthenticatorKind.Totp, Pick(DemoNames.TotpApps), EnrolledAgo());

        private EnrolledAuthenticator Key(string suffix = "") =>
            new(NextGuid(), AuthenticatorKind.SecurityKey, Pick(DemoNames.SecurityKeys) + suffix, EnrolledAgo());

        // Services and admin accounts log on from one managed host; people sometimes sign in while travelling.
        private List<ActiveSession> Sessions(int count, string home, string? managedHost = null)
        {
            var sessions = new List<ActiveSession>(count);
            for (var i = 0; i < count; i++)
            {
                var started = now - TimeSpan.FromMinutes(_rng.Next(30, 6 * 24 * 60));
                var lastSeen = started + TimeSpan.FromMinutes(_rng.Next(0, (int)(now - started).TotalMinutes));
                var city = managedHost is null && _rng.Next(5) == 0 ? Pick(DemoNames.TravelCities) : home;
                sessions.Add(new ActiveSession(NextGuid(), managedHost ?? Pick(DemoNames.SessionDevices), city, started, lastSeen));
            }

            return [.. sessions.OrderByDescending(s => s.LastSeenAt)];
        }

        // UK 07700 900xxx and US 555-01xx are the ranges reserved for fiction, so no real person is ever texted.
        private string NewPhone(bool isUk)
        {
            while (true)
            {
                var phone = isUk
                    ? $"+44 7700 900{_rng.Next(1000):D3}"
                    : $"+1 {Pick(DemoNames.UsAreaCodes)} 555 01{_rng.Next(100):D2}";
                if (_phones.Add(phone))
                {
                    return phone;
                }
            }
        }

        private string ClaimLocal(Name name)
        {
            var local = name.Local;
            for (var n = 2; !_locals.Add(local); n++)
            {
                local = $"{name.Local}{n}";
            }

            return local;
        }

        private Name RandomName()
        {
            while (true)
            {
                var name = new Name(Pick(DemoNames.FirstNames), Pick(DemoNames.LastNames));
                if (!ReservedLocals.Contains(name.Local))
                {
                    return name;
                }
            }
        }

        private Subject PickManager(Subject head, List<Subject> leads) =>
            leads.Count > 0 && _rng.Next(8) != 0 ? Pick(leads) : head;

        private DateTimeOffset YearsAgo() =>
            now.AddDays(-(_rng.Next(8) == 0 ? _rng.Next(60, 365) : _rng.Next(365, 5 * 365)));

        private DateTimeOffset EnrolledAgo() => now.AddDays(-_rng.Next(20, 900));

        private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

        private Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            _rng.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 and RFC variant, so they look like any other Guid
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        private string NextId() => string.Create(CultureInfo.InvariantCulture, $"u-{_subjects.Count + 1:D4}");

        private Subject Add(Subject subject)
        {
            _subjects.Add(subject);
            return subject;
        }

        private Subject Find(string username) => _subjects.Single(s => s.Username == username);

        private void Replace(Subject subject, Func<Subject, Subject> change)
        {
            var index = _subjects.FindIndex(s => s.Id == subject.Id);
            _subjects[index] = change(_subjects[index]);
        }

        private static IEnumerable<string> OptionalGroup(string? group) => group is null ? [] : [group];
    }
}
