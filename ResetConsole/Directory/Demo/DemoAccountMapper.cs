using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Demo;

internal static class DemoAccountMapper
{
    public static Subject ToSubject(DemoAccount a, string? managerName, string? ownerName) => new()
    {
        Id = a.Id,
        Username = a.Username,
        DisplayName = a.DisplayName,
        EmployeeId = a.EmployeeId,
        Kind = a.Kind,
        Department = a.Department,
        Title = a.Title,
        ManagerId = a.ManagerId,
        ManagerName = a.ManagerId is null ? null : managerName,
        OwnerId = a.OwnerId,
        OwnerName = a.OwnerId is null ? null : ownerName,
        Groups = a.Groups,
        AdminRoles = a.AdminRoles,
        Attributes = a.Attributes,
        Contacts = a.Contacts.OrderBy(c => c.Kind).Select(c => new ContactOfRecord(c.Id, c.Kind, c.Value, c.ChangedAt)).ToList(),
        Authenticators = a.Authenticators.Select(x => new EnrolledAuthenticator(x.Id, x.Kind, x.Label, x.EnrolledAt)).ToList(),
        Sessions = a.Sessions.OrderByDescending(s => s.LastSeenAt)
            .Select(s => new ActiveSession(s.Id, s.Device, s.Location, s.StartedAt, s.LastSeenAt)).ToList(),
        IsLocked = a.IsLocked,
        LastCredentialResetAt = a.LastCredentialResetAt,
    };

    public static DemoAccount FromSubject(Subject s) => new()
    {
        Id = s.Id,
        Username = s.Username,
        DisplayName = s.DisplayName,
        EmployeeId = s.EmployeeId,
        Kind = s.Kind,
        Department = s.Department,
        Title = s.Title,
        ManagerId = s.ManagerId,
        OwnerId = s.OwnerId,
        Groups = [.. s.Groups],
        AdminRoles = [.. s.AdminRoles],
        Attributes = new Dictionary<string, string>(s.Attributes),
        IsLocked = s.IsLocked,
        LastCredentialResetAt = s.LastCredentialResetAt,
        SearchText = $"{s.DisplayName} {s.Username} {s.EmployeeId}".ToLowerInvariant(),
        Contacts = s.Contacts.Select(c => new DemoContact { Id = c.Id, AccountId = s.Id, Kind = c.Kind, Value = c.Value, ChangedAt = c.ChangedAt }).ToList(),
        Authenticators = s.Authenticators.Select(x => new DemoAuthenticator { Id = x.Id, AccountId = s.Id, Kind = x.Kind, Label = x.Label, EnrolledAt = x.EnrolledAt }).ToList(),
        Sessions = s.Sessions.Select(x => new DemoSession { Id = x.Id, AccountId = s.Id, Device = x.Device, Location = x.Location, StartedAt = x.StartedAt, LastSeenAt = x.LastSeenAt }).ToList(),
    };
}
