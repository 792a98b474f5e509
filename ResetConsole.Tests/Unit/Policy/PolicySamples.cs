using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

/// <summary>Sample subjects and contexts; "now" is a Tuesday at 10:00 London time, inside business hours.</summary>
internal static class PolicySamples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public static Subject Employee(params string[] groups) => new()
    {
        Id = "u-1001",
        Username = "alex.morgan",
        DisplayName = "Alex Morgan",
        Kind = SubjectKind.Employee,
        Department = "Sales",
        Groups = groups,
        Contacts =
        [
            new ContactOfRecord(Guid.Empty, ContactKind.Email, "alex.morgan@example.com", Now.AddDays(-400)),
            new ContactOfRecord(Guid.Empty, ContactKind.Phone, "+44 7700 900123", Now.AddDays(-400)),
        ],
    };

    public static Subject FinanceApprover() => Employee("Finance Approvers", "Sales");

    public static Subject DomainAdmin() => Employee("IT Helpdesk", "Domain Admins");

    public static Subject Service() => Employee() with { Id = "svc-1", Kind = SubjectKind.Service, OwnerId = "u-1001" };

    public static RequestContext Phone(RecentHistory? history = null, bool vendor = false) =>
        new(RequestChannel.Phone, "dana", vendor, Now, history ?? RecentHistory.None);
}
