using System.Globalization;
using Microsoft.Graph.Models;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Graph;

internal static class GraphSubjectMapper
{
    /// <summary>The user properties the connector reads; Graph returns only a default set unless asked.</summary>
    public static readonly string[] UserFields =
    [
        "id", "userPrincipalName", "displayName", "employeeId", "employeeType", "userType", "department", "jobTitle",
        "mail", "mobilePhone", "accountEnabled", "signInSessionsValidFromDateTime", "lastPasswordChangeDateTime",
        "onPremisesSyncEnabled",
    ];

    public static Subject ToSubject(GraphAccount account, GraphOptions options, DateTimeOffset now)
    {
        var user = account.User;
        var groups = account.Memberships.OfType<Group>().Select(g => g.DisplayName).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var roles = account.Memberships.OfType<DirectoryRole>().Select(r => r.DisplayName).OfType<string>()
            .Concat(account.EligibleRoles)
            .Concat(groups.Where(g => options.AdminRoleNames.Contains(g, StringComparer.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var manager = user.Manager as User;
        return new Subject
        {
            Id = user.Id!,
            Username = user.UserPrincipalName ?? user.Id!,
            DisplayName = user.DisplayName ?? user.UserPrincipalName ?? user.Id!,
            EmployeeId = user.EmployeeId,
            Kind = KindOf(user, options),
            Department = user.Department ?? string.Empty,
            Title = user.JobTitle ?? string.Empty,
            ManagerId = user.Manager?.Id,
            ManagerName = manager?.DisplayName,
            Groups = groups,
            AdminRoles = roles,
            Attributes = Attributes(user),
            Contacts = Contacts(user, account.ContactChanges, options, now),
            Authenticators = account.Methods.Select(ToAuthenticator).OfType<EnrolledAuthenticator>().ToList(),
            // Entra exposes no lockout flag; a disabled account is the state that blocks sign-in.
            IsLocked = user.AccountEnabled == false,
            // Any password change, the user's own included: the recent-reset step-up errs towards firing.
            LastCredentialResetAt = user.LastPasswordChangeDateTime,
        };
    }

    public static SubjectSummary ToSummary(User user, GraphOptions options) => new(
        user.Id!,
        user.UserPrincipalName ?? user.Id!,
        user.DisplayName ?? user.UserPrincipalName ?? user.Id!,
        user.EmployeeId,
        KindOf(user, options),
        user.Department ?? string.Empty,
        // Memberships and methods cost a call per row; the full record is read when the agent opens the account.
        [],
        ContactValues(user).Select(c => ContactMask.Mask(c.Kind, c.Value)).ToList(),
        [],
        user.AccountEnabled == false,
        0);

    public static SubjectKind KindOf(User user, GraphOptions options)
    {
        if (user.EmployeeType is { Length: > 0 } type && options.EmployeeTypeKinds.TryGetValue(type, out var kind))
        {
            return kind;
        }

        return string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase) ? SubjectKind.Contractor : SubjectKind.Employee;
    }

    public static EnrolledAuthenticator? ToAuthenticator(AuthenticationMethod method)
    {
        var kind = method switch
        {
            MicrosoftAuthenticatorAuthenticationMethod => AuthenticatorKind.Push,
            SoftwareOathAuthenticationMethod => AuthenticatorKind.Totp,
            Fido2AuthenticationMethod => AuthenticatorKind.SecurityKey,
            _ => (AuthenticatorKind?)null,
        };
        if (kind is null || method.Id is null)
        {
            return null;
        }

        var label = method switch
        {
            MicrosoftAuthenticatorAuthenticationMethod m => m.DisplayName ?? "Microsoft Authenticator",
            Fido2AuthenticationMethod f => f.DisplayName ?? f.Model ?? "Security key",
            _ => "Authenticator app (TOTP)",
        };
        return new EnrolledAuthenticator(GraphRequestIds.StableGuid(method.Id), kind.Value, label, method.CreatedDateTime ?? DateTimeOffset.MinValue);
    }

    private static List<ContactOfRecord> Contacts(
        User user, IReadOnlyDictionary<ContactKind, DateTimeOffset> changes, GraphOptions options, DateTimeOffset now) =>
        ContactValues(user).Select(c => new ContactOfRecord(
            GraphRequestIds.StableGuid($"{user.Id}:{c.Kind}"),
            c.Kind,
            c.Value,
            !options.ReadContactHistory ? now : changes.TryGetValue(c.Kind, out var at) ? at : now - options.ContactHistoryWindow))
        .ToList();

    private static IEnumerable<(ContactKind Kind, string Value)> ContactValues(User user)
    {
        if (!string.IsNullOrWhiteSpace(user.Mail))
        {
            yield return (ContactKind.Email, user.Mail);
        }

        if (!string.IsNullOrWhiteSpace(user.MobilePhone))
        {
            yield return (ContactKind.Phone, user.MobilePhone);
        }
    }

    private static Dictionary<string, string> Attributes(User user)
    {
        var attributes = new Dictionary<string, string>
        {
            ["accountEnabled"] = (user.AccountEnabled ?? false) ? "true" : "false",
            ["userType"] = user.UserType ?? "Member",
            ["onPremisesSyncEnabled"] = user.OnPremisesSyncEnabled == true ? "true" : "false",
        };
        if (user.SignInSessionsValidFromDateTime is { } validFrom)
        {
            attributes["signInSessionsValidFromDateTime"] = validFrom.ToString("O", CultureInfo.InvariantCulture);
        }

        return attributes;
    }
}
