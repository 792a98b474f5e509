namespace ResetConsole.Directory.Ldap;

/// <summary>
/// The <c>Directory:Ldap:Attributes</c> section: which LDAP attribute holds each part of a subject. A setting left
/// empty takes the flavor's default. Lists are null by default because the configuration binder appends to a list
/// that already has items instead of replacing it.
/// </summary>
public sealed class LdapAttributeOptions
{
    /// <summary>Default <c>uid</c>; Active Directory <c>sAMAccountName</c>.</summary>
    public string? Username { get; set; }

    /// <summary>Default <c>cn</c>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Default <c>mail</c>.</summary>
    public string? Mail { get; set; }

    /// <summary>Default <c>mobile</c> and <c>telephoneNumber</c>, in that order.</summary>
    public List<string>? Phones { get; set; }

    /// <summary>Default <c>employeeNumber</c>.</summary>
    public string? EmployeeId { get; set; }

    /// <summary>An attribute holding the manager's DN. Default <c>manager</c>.</summary>
    public string? Manager { get; set; }

    /// <summary>Read when groups come from the entry itself (no GroupSearchBase). Default <c>memberOf</c>.</summary>
    public string? MemberOf { get; set; }

    /// <summary>Default <c>departmentNumber</c>; Active Directory <c>department</c>.</summary>
    public string? Department { get; set; }

    /// <summary>Default <c>title</c>.</summary>
    public string? Title { get; set; }

    /// <summary>A value naming a <c>SubjectKind</c> (Employee, Contractor, Executive, Service). Default <c>employeeType</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>
    /// A generalized-time attribute your identity management stamps when a contact changes. Default
    /// <c>modifyTimestamp</c>, which moves on any change to the entry and so over-reports contact changes (safe side).
    /// </summary>
    public string? ContactChangedAt { get; set; }

    /// <summary>Further attributes copied into the subject's attributes for policy rules (first value each).</summary>
    public List<string>? Extra { get; set; }
}
